package dev.rapport.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.delivery")
public interface DeliveryConfig {
    /** Whether the scheduler leases and sends (off: nothing is pulled; the unsubscribe endpoint still works). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scheduler looks at the queue when it was empty (a full batch is followed at once). */
    @WithDefault("2s")
    String pollInterval();

    /** Messages leased per pull (consent-service hands at most 500). */
    @WithDefault("200")
    int batchSize();

    /** Messages rendered and sent at once. */
    @WithDefault("32")
    int concurrency();

    /** How long a lease lasts: a message not acknowledged by then goes back to the queue. */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * A message that fails transiently (SMTP 4xx, a service not answering) is left unacknowledged so its lease runs
     * out and it is leased again; on this attempt it is acknowledged FAILED instead.
     */
    @WithDefault("5")
    int maxAttempts();

    /** The right-hand side of every Message-ID: {@code <outreach id>@<domain>}. */
    @WithDefault("rapport.localhost")
    String messageIdDomain();

    /** Where people's mail clients reach this module (the unsubscribe link). */
    String publicUrl();

    /** A fixed bearer token instead of the OIDC client (development key runs only). */
    Optional<String> bearerToken();

    Links links();

    interface Links {
        @WithDefault("P14D")
        Duration actionExpiry();

        @WithDefault("P60D")
        Duration preferencesExpiry();

        @WithDefault("P60D")
        Duration unsubscribeExpiry();
    }
}
