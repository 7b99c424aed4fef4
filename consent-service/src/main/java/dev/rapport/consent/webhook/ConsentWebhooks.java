package dev.rapport.consent.webhook;

import dev.rapport.platform.webhooks.ServiceWebhooks;
import dev.rapport.platform.webhooks.WebhookAdmin;
import dev.rapport.platform.webhooks.WebhooksConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** consent-service's partner webhooks: platform's store, admin and dispatcher over this service's tables and events. */
@ApplicationScoped
public class ConsentWebhooks {
    @Inject
    Pool pool;
    @Inject
    WebhooksConfig config;

    private ServiceWebhooks webhooks;

    @PostConstruct
    void init() {
        webhooks = new ServiceWebhooks(pool, config, ConsentEvents.ALL);
    }

    public WebhookAdmin admin() {
        return webhooks.admin();
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return webhooks.tick();
    }

    void stop(@Observes ShutdownEvent event) {
        webhooks.stop();
    }
}
