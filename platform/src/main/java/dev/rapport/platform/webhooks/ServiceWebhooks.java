package dev.rapport.platform.webhooks;

import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One service's partner webhooks: platform's store, admin and dispatcher over that service's tables and event types.
 * A service extends it with an {@code @ApplicationScoped} bean naming its event types, whose {@code @Scheduled} method
 * calls {@link #tick()} and whose shutdown observer calls {@link #stop()}.
 */
public abstract class ServiceWebhooks {
    private static final Logger LOG = Logger.getLogger(ServiceWebhooks.class);
    /** Rows deleted per statement while pruning, so that no transaction grows with the backlog. */
    static final int PRUNE_BATCH = 5000;

    private final List<String> eventTypes;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);
    private WebhooksConfig config;
    private WebhookStore store;
    private WebhookAdmin admin;
    private WebhookDispatcher dispatcher;

    protected ServiceWebhooks(List<String> eventTypes) {
        this.eventTypes = List.copyOf(eventTypes);
    }

    /** CDI calls it once, with the service's pool, the shared settings and the service's tracer. */
    @Inject
    public void wire(Pool pool, WebhooksConfig config, Tracer tracer) {
        this.config = config;
        store = new WebhookStore(pool, eventTypes);
        admin = new WebhookAdmin(store, config, eventTypes);
        dispatcher = new WebhookDispatcher(store, config, tracer);
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

    /** Deletes, batch after batch, what was delivered or fanned out before {@code before}; answers how many rows went. */
    public Uni<Integer> prune(Instant before) {
        return store.prune(before, PRUNE_BATCH).chain(deleted -> deleted < PRUNE_BATCH ? Uni.createFrom().item(deleted)
                : prune(before).map(more -> deleted + more));
    }

    /** Stops claiming; deliveries in flight finish or are sent again after their lease. */
    public void stop() {
        dispatcher.stop();
    }
}
