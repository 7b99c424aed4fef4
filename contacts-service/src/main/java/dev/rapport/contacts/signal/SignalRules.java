package dev.rapport.contacts.signal;

import dev.rapport.contacts.value.ValueConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signal rules for one contact as plain Java: what {@link SignalQueries}' SQL evaluates set-based for every
 * contact at once. Both read the same rows (the contact's interactions, its value row in the headline currency, its
 * follow-ups and acknowledgements); {@code SignalRulesAgreeTest} runs the SQL over seeded rows and checks it answers
 * what this does, so the two cannot drift.
 * <ul>
 * <li>SPEND_THRESHOLD: lifetime spend is at least the amount; since the first purchase at which the running total of
 * purchases less refunds (in the headline currency, by time then id) reached it.</li>
 * <li>OVERDUE_BUYER: at least min-purchases purchases with a usual interval; since the last purchase plus the interval
 * times the tolerance, once that is past.</li>
 * <li>DISENGAGING: the last opens-without-click e-mail events were all opens, and nothing at all has happened for
 * silent-days; since the last interaction plus silent-days.</li>
 * <li>FOLLOW_UP_DUE: each open follow-up due today or earlier (UTC); since the start of its due day.</li>
 * <li>NOT_THANKED: lifetime spend at least the minimum and no THANK_YOU or FEEDBACK_REQUEST (else the first purchase)
 * for days; since then plus days.</li>
 * <li>A signal acknowledged at or after it arose is not due.</li>
 * </ul>
 */
public final class SignalRules {
    private SignalRules() {
    }

    /** The configured thresholds (rapport.signals.*) and the headline currency (rapport.value.currency). */
    public record Thresholds(String currency, BigDecimal spendAmount, int minPurchases, double tolerance, int opensWithoutClick,
            int silentDays, BigDecimal thankMinSpend, int thankDays) {

        public static Thresholds of(SignalConfig c, ValueConfig v) {
            return new Thresholds(v.currency(), c.spendThreshold().amount(), c.overdueBuyer().minPurchases(),
                    c.overdueBuyer().tolerance(), c.disengaging().opensWithoutClick(), c.disengaging().silentDays(),
                    c.notThanked().minLifetimeSpend(), c.notThanked().days());
        }
    }

    /** An interaction row: {@code amount} and {@code currency} only for purchases and refunds. */
    public record Interaction(UUID id, String type, Instant occurredAt, BigDecimal amount, String currency) {
    }

    /** The contact's value row in the headline currency. */
    public record Value(BigDecimal lifetimeSpend, int purchaseCount, Instant firstPurchaseAt, Instant lastPurchaseAt,
            BigDecimal usualIntervalDays) {
    }

    public record FollowUp(UUID id, LocalDate dueOn, boolean completed) {
    }

    /** Everything the rules read of one contact; {@code value} is null when it has none in the headline currency. */
    public record Facts(List<Interaction> interactions, Value value, List<FollowUp> followUps,
            Map<SignalKind, Instant> acknowledgedAt) {
    }

    /** A due signal; {@code tiebreak} tells two of one kind apart (the follow-up id), empty otherwise. */
    public record Due(SignalKind kind, Instant since, String tiebreak) {
    }

    /** PostgreSQL orders uuids by their bytes, which is the order of their lower-case text. */
    private static final Comparator<Interaction> BY_TIME_THEN_ID = Comparator.comparing(Interaction::occurredAt)
            .thenComparing(i -> i.id().toString());

    public static List<Due> due(Facts f, Thresholds t, Instant now) {
        List<Due> out = new ArrayList<>();
        spendThreshold(f, t).ifPresent(out::add);
        overdueBuyer(f, t, now).ifPresent(out::add);
        disengaging(f, t, now).ifPresent(out::add);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (FollowUp u : f.followUps()) {
            if (!u.completed() && !u.dueOn().isAfter(today)) {
                out.add(new Due(SignalKind.FOLLOW_UP_DUE, u.dueOn().atStartOfDay().toInstant(ZoneOffset.UTC), u.id().toString()));
            }
        }
        notThanked(f, t, now).ifPresent(out::add);
        out.removeIf(d -> {
            Instant ack = f.acknowledgedAt().get(d.kind());
            return ack != null && !ack.isBefore(d.since());
        });
        return out;
    }

    static Optional<Due> spendThreshold(Facts f, Thresholds t) {
        if (f.value() == null || f.value().lifetimeSpend().compareTo(t.spendAmount()) < 0) {
            return Optional.empty();
        }
        BigDecimal running = BigDecimal.ZERO;
        for (Interaction i : f.interactions().stream().filter(i -> t.currency().equals(i.currency())
                && ("PURCHASE".equals(i.type()) || "REFUND".equals(i.type()))).sorted(BY_TIME_THEN_ID).toList()) {
            BigDecimal amount = i.amount() == null ? BigDecimal.ZERO : i.amount();
            running = "PURCHASE".equals(i.type()) ? running.add(amount) : running.subtract(amount);
            if (running.compareTo(t.spendAmount()) >= 0) {
                return Optional.of(new Due(SignalKind.SPEND_THRESHOLD, i.occurredAt(), ""));
            }
        }
        return Optional.empty();
    }

    static Optional<Due> overdueBuyer(Facts f, Thresholds t, Instant now) {
        Value v = f.value();
        if (v == null || v.purchaseCount() < t.minPurchases() || v.usualIntervalDays() == null
                || v.usualIntervalDays().signum() <= 0 || v.lastPurchaseAt() == null) {
            return Optional.empty();
        }
        double seconds = v.usualIntervalDays().doubleValue() * t.tolerance() * 86_400;
        Instant since = v.lastPurchaseAt().plus(Duration.ofNanos(Math.round(seconds * 1_000_000) * 1_000));
        return now.isAfter(since) ? Optional.of(new Due(SignalKind.OVERDUE_BUYER, since, "")) : Optional.empty();
    }

    static Optional<Due> disengaging(Facts f, Thresholds t, Instant now) {
        List<Interaction> email = f.interactions().stream()
                .filter(i -> "EMAIL_OPEN".equals(i.type()) || "EMAIL_CLICK".equals(i.type()))
                .sorted(BY_TIME_THEN_ID.reversed()).limit(t.opensWithoutClick()).toList();
        if (email.size() != t.opensWithoutClick() || email.stream().anyMatch(i -> "EMAIL_CLICK".equals(i.type()))) {
            return Optional.empty();
        }
        Instant last = f.interactions().stream().map(Interaction::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        Duration silent = Duration.ofDays(t.silentDays());
        return last.isBefore(now.minus(silent))
                ? Optional.of(new Due(SignalKind.DISENGAGING, last.plus(silent), "")) : Optional.empty();
    }

    static Optional<Due> notThanked(Facts f, Thresholds t, Instant now) {
        Value v = f.value();
        if (v == null || v.lifetimeSpend().compareTo(t.thankMinSpend()) < 0) {
            return Optional.empty();
        }
        Instant base = f.interactions().stream().filter(i -> "THANK_YOU".equals(i.type()) || "FEEDBACK_REQUEST".equals(i.type()))
                .map(Interaction::occurredAt).max(Comparator.naturalOrder()).orElse(v.firstPurchaseAt());
        Duration days = Duration.ofDays(t.thankDays());
        if (base == null || !base.isBefore(now.minus(days))) {
            return Optional.empty();
        }
        return Optional.of(new Due(SignalKind.NOT_THANKED, base.plus(days), ""));
    }
}
