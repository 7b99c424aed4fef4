package dev.rapport.contacts.outbox;

/**
 * How many changes the relay sends in its next call. A failed call halves it (down to one change), a delivered one
 * doubles it back (up to the configured size): when consent-service cannot take a full batch within the request
 * timeout (a busy machine, a slow disk), the relay keeps making progress with smaller calls instead of timing out on
 * the same full batch forever.
 */
final class BatchSize {
    private final int max;
    private int current;

    BatchSize(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("rapport.outbox.batch-size must be at least 1, was " + max);
        }
        this.max = max;
        this.current = max;
    }

    synchronized int current() {
        return current;
    }

    synchronized void delivered() {
        current = (int) Math.min(max, (long) current * 2);
    }

    synchronized void failed() {
        current = Math.max(1, current / 2);
    }
}
