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
 * refilled evenly; one more gets 429 with {@code Retry-After}. A rule with {@code counts=ids} counts the ids the calls
 * name instead (a page of 100 and an audience of a million are not the same load): {@code requests} ids per
 * {@code per}; the endpoint takes them as it reads them ({@link RateLimiter#pace}), a stream that runs over the budget
 * waits until it refills, and a call that starts with the budget spent gets 429. {@code rapport.rate-limit.enabled=false}
 * turns every rule off (benchmarks).
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

        /** Calls (or ids, see {@link #counts()}) a caller may burst, refilled evenly over {@link #per()}. */
        @WithDefault("20")
        int requests();

        /** What the rule counts: each call, or each id a call names (the endpoint counts them, {@link RateLimiter}). */
        @WithDefault("calls")
        Counting counts();

        @WithDefault("1m")
        Duration per();

        @WithDefault("true")
        boolean enabled();
    }

    enum Counting {
        CALLS,
        IDS
    }
}
