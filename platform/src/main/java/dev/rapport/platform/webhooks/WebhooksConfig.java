package dev.rapport.platform.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Partner webhook delivery (docs/webhooks.md), the same settings in every service that sends webhooks. */
@ConfigMapping(prefix = "rapport.webhooks")
public interface WebhooksConfig {
    /** How often the dispatcher looks for new events and due deliveries when it found nothing to do. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries in flight at once, across all subscriptions of this replica. */
    @WithDefault("16")
    int concurrency();

    /** Events moved from the outbox to per-subscription deliveries in one transaction. */
    @WithDefault("500")
    int fanOutBatch();

    @WithDefault("3s")
    Duration connectTimeout();

    /** A receiver that has not answered within this is counted as failed (and tried again later). */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery stays reserved for the replica that claimed it; if that replica dies, another one
     * sends it after this. Longer than the request timeout.
     */
    @WithDefault("30s")
    Duration lease();

    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Retrying stops after this, and the subscription is flagged failing until an admin resumes it. */
    @WithDefault("24h")
    Duration retryFor();

    /** Hosts that may be reached over plain http (a receiver on the same machine); every other URL must be https. */
    @WithDefault("localhost,127.0.0.1,[::1]")
    List<String> insecureHosts();

    /**
     * Delivered deliveries (with their attempt log) and webhook events that left the outbox are deleted once they are
     * this old; a replay reaches back at most this far.
     */
    @WithDefault("30d")
    Duration retention();

    /** After a secret rotation, how long requests carry a second signature made with the previous secret. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** How often the dispatcher prunes what {@link #retention()} lets go. */
    @WithDefault("10m")
    Duration pruneInterval();

    /**
     * The key signing secrets are stored encrypted with (AES-256-GCM): the base64 of 32 random bytes, environment
     * {@code RAPPORT_WEBHOOK_SECRET_KEY}. Required; only the local, dev and test profiles have a development default.
     */
    Optional<String> secretKey();

    /**
     * Keys that sealed secrets before a key rotation (base64, comma-separated; environment
     * {@code RAPPORT_WEBHOOK_PREVIOUS_SECRET_KEYS}): they still open what they sealed, and at start the service seals it
     * again with {@link #secretKey()}.
     */
    Optional<List<String>> previousSecretKeys();

    default RetrySchedule schedule() {
        return new RetrySchedule(initialBackoff(), maxBackoff(), retryFor(), 0.2);
    }
}
