package dev.rapport.platform.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One service's partner webhooks: platform's store, admin and dispatcher over that service's tables and event types.
 * The service keeps one instance in a bean, calls {@link #tick()} from its scheduler and {@link #stop()} on shutdown.
 */
public final class ServiceWebhooks {
    private static final Logger LOG = Logger.getLogger(ServiceWebhooks.class);

    /** Rows deleted per statement while pruning, so that no transaction grows with the backlog. */
    static final int PRUNE_BATCH = 5000;

    private final WebhookStore store;
    private final WebhooksConfig config;
    private final WebhookAdmin admin;
    private final WebhookDispatcher dispatcher;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    public ServiceWebhooks(Pool pool, WebhooksConfig config, List<String> eventTypes) {
        this.store = new WebhookStore(pool, eventTypes);
        this.config = config;
        this.admin = new WebhookAdmin(store, config, eventTypes);
        this.dispatcher = new WebhookDispatcher(store, config);
    }

    public WebhookAdmin admin() {
        return admin;
    }

    /**
     * One dispatch round, and every {@code prune-interval} a pruning of what is older than the retention; a failed round
     * is logged and the next one tries again.
     */
    public Uni<Void> tick() {
        Instant now = Instant.now();
        Instant last = lastPrune.get();
        Uni<Void> prune = now.isBefore(last.plus(config.pruneInterval())) || !lastPrune.compareAndSet(last, now)
                ? Uni.createFrom().voidItem() : prune(now.minus(config.retention())).replaceWithVoid();
        return dispatcher.tick().chain(() -> prune).onFailure().recoverWithItem(e -> {
            LOG.debugf(e, "Webhook dispatch round failed");
            return null;
        });
    }

    /** Deletes, batch after batch, the deliveries delivered and the events fanned out before {@code before}; answers how many rows. */
    public Uni<Integer> prune(Instant before) {
        return store.prune(before, PRUNE_BATCH).chain(deleted -> deleted < PRUNE_BATCH ? Uni.createFrom().item(deleted)
                : prune(before).map(more -> deleted + more));
    }

    public void stop() {
        dispatcher.stop();
    }
}
