package dev.rapport.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: {@code capacity} tokens, refilled evenly at {@code capacity} per {@code period}. Idle
 * (full) buckets are dropped once there are many keys, so memory stays bounded by the callers of the last period.
 */
final class TokenBuckets {
    static final int MAX_KEYS = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    TokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Takes one token: zero when granted, otherwise how long until one is available. */
    Duration take(String key, int capacity, Duration period) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, period, now));
        return Duration.ofNanos(bucket.take(now));
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final double capacity;
        private final double nanosPerToken;
        private double tokens;
        private long last;

        Bucket(int capacity, Duration period, long now) {
            this.capacity = Math.max(1, capacity);
            this.nanosPerToken = (double) period.toNanos() / this.capacity;
            this.tokens = this.capacity;
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * nanosPerToken);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
                last = now;
            }
        }
    }
}
