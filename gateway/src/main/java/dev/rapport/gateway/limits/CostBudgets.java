package dev.rapport.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Each caller's budget of query cost points: a token bucket holding at most {@code points-per-minute}, refilled
 * continuously at that rate. A caller is the token's subject (every link session of a person is one caller; the
 * bench identity is one caller). Held in memory per gateway instance: with N replicas a caller may spend up to N budgets.
 */
@ApplicationScoped
public class CostBudgets {
    /** Callers remembered at most; past it, the buckets of callers who are full again are dropped. */
    static final int MAX_CALLERS = 100_000;

    @Inject
    LimitsConfig config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** What a caller asked for and what is left, as {@code extensions.cost} shows it. */
    public record Charge(boolean allowed, int requested, long remaining, int limit, long retryAfterSeconds) {
    }

    /** Whether the caller has anything left at all: checked before a document is read. */
    public Charge peek(String caller) {
        Bucket bucket = buckets.get(caller);
        int limit = config.cost().pointsPerMinute();
        if (bucket == null) {
            return new Charge(true, 0, limit, limit, 0);
        }
        synchronized (bucket) {
            double left = bucket.refill(System.nanoTime(), limit);
            return left >= 1 ? new Charge(true, 0, (long) left, limit, 0)
                    : new Charge(false, 0, (long) Math.floor(left), limit, secondsUntil(1 - left, limit));
        }
    }

    /** Takes {@code points} from the caller's budget, or nothing when it does not hold them. */
    public Charge charge(String caller, int points) {
        int limit = config.cost().pointsPerMinute();
        if (buckets.size() >= MAX_CALLERS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.fullAt(now, limit));
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(limit, System.nanoTime()));
        synchronized (bucket) {
            double left = bucket.refill(System.nanoTime(), limit);
            if (points > left) {
                // a document dearer than a whole budget can never run; it still empties the bucket, so a flood of
                // them is refused before parsing from then on
                if (points > limit) {
                    bucket.points = 0;
                }
                return new Charge(false, points, (long) bucket.points, limit,
                        points > limit ? 60 : secondsUntil(points - left, limit));
            }
            bucket.points = left - points;
            return new Charge(true, points, (long) bucket.points, limit, 0);
        }
    }

    /**
     * Takes what reading a refused document cost the gateway, even past zero (a debt of at most one budget): a caller
     * who keeps sending such documents stays in debt, and {@link #peek} refuses the next ones before they are read.
     */
    public void spend(String caller, int points) {
        int limit = config.cost().pointsPerMinute();
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(limit, System.nanoTime()));
        synchronized (bucket) {
            bucket.points = Math.max(-limit, bucket.refill(System.nanoTime(), limit) - points);
        }
    }

    static long secondsUntil(double missing, int perMinute) {
        return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
    }

    static final class Bucket {
        double points;
        long updated;

        Bucket(double points, long now) {
            this.points = points;
            this.updated = now;
        }

        double refill(long now, int perMinute) {
            points = Math.min(perMinute, points + (now - updated) / 60e9 * perMinute);
            updated = now;
            return points;
        }

        boolean fullAt(long now, int perMinute) {
            return points + (now - updated) / 60e9 * perMinute >= perMinute;
        }
    }
}
