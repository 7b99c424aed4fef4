package dev.rapport.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-caller limits for the expensive (bulk) endpoints of a service. Each service names its rules:
 * <pre>
 * rapport.rate-limit.rules.decisions-bulk.path=/decisions/bulk
 * rapport.rate-limit.rules.decisions-bulk.requests=20
 * rapport.rate-limit.rules.decisions-bulk.per=1m
 * </pre>
 * A caller (the token's subject; the client address without one) may send {@code requests} calls per {@code per},
 * refilled evenly; one more gets 429 with {@code Retry-After}. {@code rapport.rate-limit.enabled=false} turns every
 * rule off (benchmarks).
 */
@ConfigMapping(prefix = "rapport.rate-limit")
public interface RateLimitConfig {
    @WithDefault("true")
    boolean enabled();

    /** Rules by name. */
    Map<String, Rule> rules();

    interface Rule {
        /** Path template of the endpoint; {@code *} matches one path segment ({@code /programmes/*}{@code /scores}). */
        String path();

        /** HTTP methods the rule counts. */
        @WithDefault("POST")
        Set<String> methods();

        /** Calls a caller may burst, refilled evenly over {@link #per()}. */
        @WithDefault("20")
        int requests();

        @WithDefault("1m")
        Duration per();

        @WithDefault("true")
        boolean enabled();
    }
}
