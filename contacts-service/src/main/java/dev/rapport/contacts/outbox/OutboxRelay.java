package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import dev.rapport.platform.security.ServiceToken;
import io.quarkus.oidc.client.OidcClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to consent-service, oldest first, in batches. One replica delivers at a time (a
 * transaction-scoped advisory lock), so order per contact holds across replicas. A batch is marked delivered
 * only after consent-service answered 2xx; a crash before that means redelivery, which the receiver ignores
 * by event id. Failures back off exponentially up to the configured maximum.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x52415050_4F425831L;

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    OutboxConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;
    @Inject
    Instance<OidcClient> oidcClient;

    private HttpClient http;
    private ServiceToken serviceToken;
    private volatile long notBefore;
    private volatile Duration backoff;
    private final AtomicLong pending = new AtomicLong();

    @PostConstruct
    void init() {
        http = vertx.createHttpClient();
        backoff = config.initialBackoff();
        serviceToken = new ServiceToken(config.bearerToken(), config.clientCredentials(), oidcClient::get);
        metrics.gauge("rapport.outbox.pending", pending);
    }

    @Scheduled(every = "${rapport.outbox.poll-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (config.url().isEmpty() || config.url().get().isBlank() || System.currentTimeMillis() < notBefore) {
            return Uni.createFrom().voidItem();
        }
        return deliverOnce().chain(fullBatch -> fullBatch ? tick() : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf(e, "Outbox delivery round failed");
                    return null;
                });
    }

    /** Delivers one batch; true when it was full, so there may be more right away. */
    Uni<Boolean> deliverOnce() {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + LOCK_KEY + ") as locked").execute()
                .chain(lock -> {
                    if (!lock.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().item(false);
                    }
                    return conn.preparedQuery("""
                            select seq, event_id, event_type, payload, created_at from outbox
                            where delivered_at is null order by seq limit $1""")
                            .execute(Tuple.of(config.batchSize())).chain(rows -> {
                                List<OutboxMessage> batch = new ArrayList<>();
                                List<Long> seqs = new ArrayList<>();
                                for (Row r : rows) {
                                    seqs.add(r.getLong("seq"));
                                    batch.add(message(r));
                                }
                                if (batch.isEmpty()) {
                                    pending.set(0);
                                    return Uni.createFrom().item(false);
                                }
                                return post(batch)
                                        .chain(() -> markDelivered(conn, seqs))
                                        .map(x -> {
                                            backoff = config.initialBackoff();
                                            notBefore = 0;
                                            return batch.size() == config.batchSize();
                                        })
                                        .onFailure().recoverWithUni(e -> markFailed(conn, seqs, e).replaceWith(false));
                            });
                }));
    }

    private Uni<Void> post(List<OutboxMessage> batch) {
        return serviceToken.token().chain(token -> post(batch, token));
    }

    private Uni<Void> post(List<OutboxMessage> batch, Optional<String> token) {
        URI base = URI.create(config.url().get().replaceAll("/+$", "") + "/contact-point-facts/events");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base.toString())
                .putHeader("Content-Type", "application/json").setTimeout(config.requestTimeout().toMillis());
        token.ifPresent(t -> options.putHeader("Authorization", "Bearer " + t));
        byte[] body;
        try {
            body = json.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return http.request(options)
                .chain(req -> req.send(io.vertx.mutiny.core.buffer.Buffer.newInstance(Buffer.buffer(body))))
                .chain(resp -> resp.body().map(b -> {
                    if (resp.statusCode() / 100 != 2) {
                        throw new IllegalStateException("consent-service answered " + resp.statusCode());
                    }
                    return null;
                }));
    }

    private Uni<Void> markDelivered(SqlConnection conn, List<Long> seqs) {
        return conn.preparedQuery("update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new))).replaceWithVoid();
    }

    private Uni<Void> markFailed(SqlConnection conn, List<Long> seqs, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warnf("Outbox delivery of %d change(s) failed (%s); retrying in %s", seqs.size(), why, backoff);
        notBefore = System.currentTimeMillis() + backoff.toMillis();
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        pending.set(seqs.size());
        return conn.preparedQuery("update outbox set attempts = attempts + 1, last_error = $2 where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new), why.length() > 500 ? why.substring(0, 500) : why))
                .replaceWithVoid();
    }

    private OutboxMessage message(Row r) {
        try {
            return new OutboxMessage(r.getUUID("event_id"), r.getLong("seq"), r.getString("event_type"),
                    r.getOffsetDateTime("created_at").toInstant(), json.readTree(r.getString("payload")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable outbox payload at seq " + r.getLong("seq"), e);
        }
    }
}
