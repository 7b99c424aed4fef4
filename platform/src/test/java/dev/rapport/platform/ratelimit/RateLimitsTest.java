package dev.rapport.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private RateLimits limits(boolean enabled, String path, int requests, Duration per) {
        return limits(enabled, path, requests, per, RateLimitConfig.Counting.CALLS);
    }

    private RateLimits limits(boolean enabled, String path, int requests, Duration per, RateLimitConfig.Counting counts) {
        RateLimitConfig.Rule rule = new RateLimitConfig.Rule() {
            public String path() { return path; }
            public Set<String> methods() { return Set.of("POST"); }
            public int requests() { return requests; }
            public Duration per() { return per; }
            public RateLimitConfig.Counting counts() { return counts; }
            public boolean enabled() { return true; }
        };
        RateLimitConfig config = new RateLimitConfig() {
            public boolean enabled() { return enabled; }
            public Map<String, Rule> rules() { return Map.of("bulk", rule); }
        };
        return new RateLimits(config, clock::get);
    }

    @Test
    void aBurstOverTheLimitIsRefusedWithTheWaitUntilTheNextCall() {
        RateLimits limits = limits(true, "/decisions/bulk", 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty());
        }
        Optional<RateLimits.Refusal> refused = limits.check("POST", "/decisions/bulk", "ada");
        assertTrue(refused.isPresent());
        assertEquals(20, refused.get().retryAfterSeconds());
        assertEquals(429, refused.get().problem().status());
        assertTrue(refused.get().problem().detail().contains("3 calls per 1 min"), refused.get().problem().detail());

        clock.addAndGet(Duration.ofSeconds(19).toNanos());
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isPresent(), "not yet refilled");
        clock.addAndGet(Duration.ofSeconds(20).toNanos());
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty(), "one call refilled after Retry-After");
    }

    @Test
    void aRuleCountingIdsLetsManySmallCallsThroughAndPacesALargeOne() {
        RateLimits limits = limits(true, "/decisions/bulk", 1000, Duration.ofMinutes(1), RateLimitConfig.Counting.IDS);
        for (int page = 0; page < 150; page++) { // 150 pages of 5 ids: far more calls than a per-call rule of 60 allows
            assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty(), "page " + page);
            assertEquals(Duration.ZERO, limits.take("bulk", "ada", 5), "page " + page);
        }
        // 250 ids left; a call of 350 runs 100 over: it waits until they have refilled, at 1,000 a minute (6 s)
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty());
        assertEquals(Duration.ofSeconds(6), limits.take("bulk", "ada", 350));
        Optional<RateLimits.Refusal> refused = limits.check("POST", "/decisions/bulk", "ada");
        assertTrue(refused.isPresent(), "a call starting with the budget spent is refused");
        assertEquals(7, refused.get().retryAfterSeconds());
        assertTrue(refused.get().problem().detail().contains("1000 ids per 1 min"), refused.get().problem().detail());
        assertTrue(limits.check("POST", "/decisions/bulk", "grace").isEmpty(), "another caller has their own budget");

        clock.addAndGet(Duration.ofSeconds(7).toNanos());
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty(), "refilled after Retry-After");
    }

    @Test
    void aCallLargerThanTheWholeBudgetTakesAllOfItAndNoMore() {
        RateLimits limits = limits(true, "/decisions/bulk", 1000, Duration.ofMinutes(1), RateLimitConfig.Counting.IDS);
        assertEquals(Duration.ZERO, limits.take("bulk", "ada", 5_000), "the first chunk of a big audience goes at once");
        assertEquals(Duration.ofMillis(60), limits.take("bulk", "ada", 1), "then it is paced");
        assertEquals(Duration.ZERO, limits(false, "/decisions/bulk", 1, Duration.ofMinutes(1), RateLimitConfig.Counting.IDS)
                .take("bulk", "ada", 5_000), "limits off");
        assertEquals(Duration.ZERO, limits.take("no-such-rule", "ada", 5_000));
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        RateLimits limits = limits(true, "/decisions/bulk", 1, Duration.ofMinutes(1));
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isEmpty());
        assertTrue(limits.check("POST", "/decisions/bulk", "ada").isPresent());
        assertTrue(limits.check("POST", "/decisions/bulk", "grace").isEmpty());
    }

    @Test
    void onlyTheMatchingMethodAndPathCount() {
        RateLimits limits = limits(true, "/programmes/*/members/import", 1, Duration.ofMinutes(1));
        assertTrue(limits.check("POST", "/programmes/p1/members/import", "ada").isEmpty());
        assertTrue(limits.check("POST", "/programmes/p2/members/import/", "ada").isPresent(), "one bucket for the template");
        assertTrue(limits.check("GET", "/programmes/p1/members/import", "ada").isEmpty());
        assertTrue(limits.check("POST", "/programmes/p1", "ada").isEmpty());
        assertTrue(limits.check("POST", "/programmes/p1/members/import/x", "ada").isEmpty());
    }

    @Test
    void theOffSwitchLetsEverythingThrough() {
        RateLimits limits = limits(false, "/decisions/bulk", 1, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertFalse(limits.check("POST", "/decisions/bulk", "ada").isPresent());
        }
    }

    @Test
    void idleBucketsAreDroppedWhenThereAreManyCallers() {
        TokenBuckets buckets = new TokenBuckets(clock::get);
        for (int i = 0; i < TokenBuckets.MAX_KEYS; i++) {
            buckets.take("caller-" + i, 5, Duration.ofSeconds(1));
        }
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        buckets.take("one-more", 5, Duration.ofSeconds(1));
        assertEquals(1, buckets.size());
    }
}
