package dev.rapport.platform.webhooks;

import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One service's partner webhooks: platform's store, admin and dispatcher over that service's tables and event types.
 * A service extends it with an {@code @ApplicationScoped} bean naming its event types, whose startup observer calls
 * {@link #sealStoredSecretsAtStart()}, whose {@code @Scheduled} method calls {@link #tick()} and whose shutdown observer
 * calls {@link #stop()}.
 */
public abstract class ServiceWebhooks {
    private static final Logger LOG = Logger.getLogger(ServiceWebhooks.class);
    /** Rows deleted per statement while pruning, so that no transaction grows with the backlog. */
    static final int PRUNE_BATCH = 5000;
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private final List<String> eventTypes;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);
    private WebhooksConfig config;
    private WebhookStore store;
    private WebhookAdmin admin;
    private WebhookDispatcher dispatcher;
    private WebhookSecrets secrets;

    protected ServiceWebhooks(List<String> eventTypes) {
        this.eventTypes = List.copyOf(eventTypes);
    }

    /**
     * CDI calls it once, with the webhook tables' queries, the shared settings and the service's tracer; fails, naming
     * the setting, without a usable {@code rapport.webhooks.secret-key}.
     */
    @Inject
    public void wire(WebhookQueries queries, WebhooksConfig config, Tracer tracer) {
        this.config = config;
        secrets = WebhookSecrets.fromConfig(config.secretKey(), config.previousSecretKeys());
        store = queries.store(eventTypes, secrets);
        admin = new WebhookAdmin(store, config, eventTypes);
        dispatcher = new WebhookDispatcher(store, config, tracer, secrets);
    }

    /**
     * What a service's startup observer calls: seals every stored secret that is not sealed with the current key, before
     * the first dispatch round. The process does not start without the key (see {@link #wire}).
     */
    public void sealStoredSecretsAtStart() {
        int sealed = sealStoredSecrets().await().atMost(STARTUP_LIMIT);
        if (sealed > 0) {
            LOG.infof("Sealed the signing secrets of %d webhook subscriptions with key %s", sealed, secrets.currentKeyId());
        }
    }

    /**
     * Seals again, with the current key, the secrets stored in plain text (from before secrets were sealed) or sealed
     * with a previous key; answers how many subscriptions changed. One that no configured key opens is logged as an
     * error naming it and left as it is: its deliveries fail, named, until its key is configured.
     */
    public Uni<Integer> sealStoredSecrets() {
        return store.secretsNotSealedWith(secrets.currentKeyId()).chain(stale -> {
            List<Uni<Boolean>> each = stale.stream().map(this::reseal).toList();
            return each.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(each).andFailFast().map(done -> (int) done.stream().filter(b -> b).count());
        });
    }

    private Uni<Boolean> reseal(WebhookStore.StoredSecrets stored) {
        UUID id = stored.subscriptionId();
        try {
            String secret = secrets.seal(id, secrets.open(id, stored.secret()));
            String previous = stored.previousSecret() == null ? null : secrets.seal(id, secrets.open(id, stored.previousSecret()));
            return store.reseal(stored, secret, previous);
        } catch (WebhookSecrets.Unreadable e) {
            LOG.errorf("Webhook subscription %s cannot sign: %s", id, e.getMessage());
            return Uni.createFrom().item(false);
        }
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
