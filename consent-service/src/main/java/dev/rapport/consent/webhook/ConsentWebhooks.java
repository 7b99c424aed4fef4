package dev.rapport.consent.webhook;

import dev.rapport.platform.webhooks.ServiceWebhooks;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** consent-service's partner webhooks: platform's store, admin and dispatcher over this service's tables and events. */
@ApplicationScoped
public class ConsentWebhooks extends ServiceWebhooks {

    ConsentWebhooks() {
        super(ConsentEvents.ALL);
    }

    /** Before the first dispatch round; without a usable secret key the service does not start. */
    void start(@Observes StartupEvent event) {
        sealStoredSecretsAtStart();
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return tick();
    }

    void shutdown(@Observes ShutdownEvent event) {
        stop();
    }
}
