package dev.rapport.feedback.outreach;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "rapport.outreach")
public interface OutreachConfig {
    /** consent-service purpose code per message kind (see {@link MessageKind#code}). */
    Map<String, String> purposes();

    @WithDefault("8")
    int concurrency();

    @WithDefault("100")
    int inlineLimit();

    @WithDefault("30s")
    Duration retryInterval();

    @WithDefault("1m")
    Duration initialBackoff();

    @WithDefault("6h")
    Duration maxBackoff();

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("2m")
    Duration pendingGrace();

    /**
     * How long a message to a person consent-service does not know yet waits for them (contacts-service's outbox
     * delivers new people within seconds; an id nobody knows is denied after this).
     */
    @WithDefault("15m")
    Duration notYetKnownPatience();

    /** How often such a message asks again whether the person is known now. */
    @WithDefault("20s")
    Duration notYetKnownInterval();

    default String purpose(MessageKind kind) {
        String p = purposes().get(kind.code);
        if (p == null) {
            throw new IllegalStateException("No consent purpose configured for rapport.outreach.purposes." + kind.code);
        }
        return p;
    }
}
