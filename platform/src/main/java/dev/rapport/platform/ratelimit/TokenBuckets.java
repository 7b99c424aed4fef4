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
        return Duration.ofNanos(bucket(key, capacity, period, now).take(now));
    }

    /** Zero while the bucket holds a token, otherwise how long until it does; takes nothing. */
    Duration wait(String key, int capacity, Duration period) {
        long now = nanoClock.getAsLong();
        return Duration.ofNanos(bucket(key, capacity, period, now).waitFor(now));
    }

    /**
     * Takes {@code count} tokens (at most the capacity) whatever the bucket holds, so it may go below zero: the answer
     * is how long until it is back at zero, the wait that keeps its owner at the configured rate.
     */
    Duration overdraw(String key, int capacity, Duration period, long count) {
        long now = nanoClock.getAsLong();
        return Duration.ofNanos(bucket(key, capacity, period, now).overdraw(now, count));
    }

    private Bucket bucket(String key, int capacity, Duration period, long now) {
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, period, now));
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
            long wait = waitFor(now);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        synchronized long waitFor(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
        }

        synchronized long overdraw(long now, long count) {
            refill(now);
            tokens -= Math.min(count, capacity);
            return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
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
