package dev.rapport.platform.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: {@code initial} after the first failure, doubling each time up to {@code max},
 * each delay shortened by up to {@code jitter} (a share, 0–1) so that many deliveries failing together do not return
 * together. A delivery whose first failure is {@code giveUpAfter} old is exhausted: its subscription is flagged failing.
 */
public record RetrySchedule(Duration initial, Duration max, Duration giveUpAfter, double jitter) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("need 0 < initial <= max and 0 <= jitter <= 1");
        }
    }

    /** The delay before the next try after {@code failures} failed attempts (1 = the first failure); random in [0, 1). */
    public Duration delayAfter(int failures, double random) {
        long millis = initial.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        return Duration.ofMillis(Math.round(millis * (1 - jitter * random)));
    }

    /** True once retrying has gone on for {@code giveUpAfter} since the first failure. */
    public boolean exhausted(Instant firstFailure, Instant now) {
        return firstFailure != null && !now.isBefore(firstFailure.plus(giveUpAfter));
    }
}
