package dev.rapport.platform.webhooks;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where partner webhooks reach the service's database: the one bean holding its SQL pool, handing the service's
 * webhooks bean ({@link ServiceWebhooks}) its {@link WebhookStore}, which owns every statement and row mapper over the
 * webhook tables.
 */
@ApplicationScoped
public class WebhookQueries {
    @Inject
    Pool pool;

    /** The store over this service's webhook tables, for these event types, sealing secrets with {@code secrets}. */
    public WebhookStore store(List<String> eventTypes, WebhookSecrets secrets) {
        return new WebhookStore(pool, eventTypes, secrets);
    }
}
