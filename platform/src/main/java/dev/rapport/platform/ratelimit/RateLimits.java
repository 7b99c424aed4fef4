package dev.rapport.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import dev.rapport.platform.problem.Problem;

/** The configured rules, matched by method and path, each with its own buckets per caller. */
public final class RateLimits {
    private final boolean enabled;
    private final List<CompiledRule> rules;
    private final TokenBuckets buckets;

    public RateLimits(RateLimitConfig config, LongSupplier nanoClock) {
        this.enabled = config.enabled();
        this.rules = config.rules().entrySet().stream()
                .filter(e -> e.getValue().enabled())
                .map(e -> new CompiledRule(e.getKey(), e.getValue()))
                .toList();
        this.buckets = new TokenBuckets(nanoClock);
    }

    /** Empty when the call may go ahead; otherwise the refusal (429 problem and how long to wait). */
    public Optional<Refusal> check(String method, String path, String caller) {
        if (!enabled) {
            return Optional.empty();
        }
        String[] segments = segments(path);
        for (CompiledRule r : rules) {
            if (r.matches(method, segments)) {
                // a rule counting ids refuses only a call that starts with the budget spent; the endpoint takes the ids
                Duration delay = r.rule.counts() == RateLimitConfig.Counting.IDS
                        ? buckets.wait(r.name + '\u0000' + caller, r.rule.requests(), r.rule.per())
                        : buckets.take(r.name + '\u0000' + caller, r.rule.requests(), r.rule.per());
                if (!delay.isZero()) {
                    return Optional.of(new Refusal(r, delay, path));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Takes {@code ids} from the caller's budget under the named rule (one counting ids): zero when the budget held them,
     * otherwise how long the caller should wait before going on, so that it keeps to the configured rate. Zero when
     * limits or the rule are off, or there is no such rule.
     */
    public Duration take(String rule, String caller, long ids) {
        if (!enabled || ids <= 0) {
            return Duration.ZERO;
        }
        for (CompiledRule r : rules) {
            if (r.name.equals(rule)) {
                return buckets.overdraw(r.name + '\u0000' + caller, r.rule.requests(), r.rule.per(), ids);
            }
        }
        return Duration.ZERO;
    }

    private static String[] segments(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    /** A refused call: the wait rounded up to whole seconds (at least one) for {@code Retry-After}. */
    public record Refusal(CompiledRule rule, Duration delay, String path) {
        public long retryAfterSeconds() {
            return Math.max(1, (delay.toMillis() + 999) / 1000);
        }

        public Problem problem() {
            String unit = rule.rule.counts() == RateLimitConfig.Counting.IDS ? " ids per " : " calls per ";
            return new Problem(Problem.TYPE_PREFIX + "too-many-requests", "Too Many Requests", 429,
                    "At most " + rule.rule.requests() + unit + human(rule.rule.per())
                            + " to this endpoint per caller; retry after " + retryAfterSeconds() + " s",
                    path, List.of());
        }

        private static String human(Duration d) {
            return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
        }
    }

    public static final class CompiledRule {
        private final String name;
        private final RateLimitConfig.Rule rule;
        private final String[] template;

        CompiledRule(String name, RateLimitConfig.Rule rule) {
            this.name = name;
            this.rule = rule;
            this.template = segments(rule.path());
        }

        boolean matches(String method, String[] path) {
            if (path.length != template.length || rule.methods().stream().noneMatch(m -> m.equalsIgnoreCase(method))) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (!"*".equals(template[i]) && !template[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }

        public String name() {
            return name;
        }
    }
}
