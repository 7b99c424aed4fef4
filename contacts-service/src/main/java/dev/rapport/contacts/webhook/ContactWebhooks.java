package dev.rapport.contacts.webhook;

import dev.rapport.platform.webhooks.WebhookAdmin;
import dev.rapport.platform.webhooks.WebhookDispatcher;
import dev.rapport.platform.webhooks.WebhookStore;
import dev.rapport.platform.webhooks.WebhooksConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** contacts-service's partner webhooks: platform's store, admin and dispatcher over this service's tables and events. */
@ApplicationScoped
public class ContactWebhooks {
    private static final Logger LOG = Logger.getLogger(ContactWebhooks.class);

    @Inject
    Pool pool;
    @Inject
    WebhooksConfig config;

    private WebhookAdmin admin;
    private WebhookDispatcher dispatcher;

    @PostConstruct
    void init() {
        WebhookStore store = new WebhookStore(pool, ContactEvents.ALL);
        admin = new WebhookAdmin(store, config, ContactEvents.ALL);
        dispatcher = new WebhookDispatcher(store, config);
    }

    public WebhookAdmin admin() {
        return admin;
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return dispatcher.tick().onFailure().recoverWithItem(e -> {
            LOG.debugf(e, "Webhook dispatch round failed");
            return null;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        dispatcher.stop();
    }
}
