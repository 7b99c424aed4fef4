package dev.rapport.platform.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One service's partner webhooks: platform's store, admin and dispatcher over that service's tables and event types.
 * The service keeps one instance in a bean, calls {@link #tick()} from its scheduler and {@link #stop()} on shutdown.
 */
public final class ServiceWebhooks {
    private static final Logger LOG = Logger.getLogger(ServiceWebhooks.class);

    private final WebhookAdmin admin;
    private final WebhookDispatcher dispatcher;

    public ServiceWebhooks(Pool pool, WebhooksConfig config, List<String> eventTypes) {
        WebhookStore store = new WebhookStore(pool, eventTypes);
        this.admin = new WebhookAdmin(store, config, eventTypes);
        this.dispatcher = new WebhookDispatcher(store, config);
    }

    public WebhookAdmin admin() {
        return admin;
    }

    /** One dispatch round; a failed round is logged and the next one tries again. */
    public Uni<Void> tick() {
        return dispatcher.tick().onFailure().recoverWithItem(e -> {
            LOG.debugf(e, "Webhook dispatch round failed");
            return null;
        });
    }

    public void stop() {
        dispatcher.stop();
    }
}
