package dev.rapport.contacts.outbox;

import dev.rapport.platform.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox's contact-point changes to consent-service, oldest first, in batches (the webhook events beside
 * them are the webhook dispatcher's, see {@code dev.rapport.contacts.webhook}). One replica delivers at a time (a
 * transaction-scoped advisory lock), so order per contact holds across replicas. A batch is marked delivered
 * only after consent-service answered 2xx; a crash before that means redelivery, which the receiver ignores
 * by event id. Failures back off exponentially up to the configured maximum, and halve the next batch
 * ({@link BatchSize}) so a receiver too slow for a full batch still gets the changes in smaller ones. Each batch is sent in a span that
 * continues the trace of its first event's writer and links the others' (every event also carries its traceparent).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxQueries queries;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;

    /** Null until a consent-service URL is configured: changes wait in the outbox. */
    private ConsentFactsRestClient consent;
    private volatile long notBefore;
    private volatile Duration backoff;
    private BatchSize batchSize;
    private final AtomicLong pending = new AtomicLong();

    @PostConstruct
    void init() {
        backoff = config.initialBackoff();
        batchSize = new BatchSize(config.batchSize());
        consent = config.url().filter(u -> !u.isBlank())
                .map(u -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(u.replaceAll("/+$", "")))
                        .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(ConsentFactsRestClient.class))
                .orElse(null);
        metrics.gauge("rapport.outbox.pending", pending);
    }

    @Scheduled(every = "${rapport.outbox.poll-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (consent == null || System.currentTimeMillis() < notBefore) {
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
        return queries.underRelayLock(conn -> {
            int limit = batchSize.current();
            return queries.undelivered(conn, Outbox.CONTACT_POINT_CHANGED, limit).chain(batch -> {
                if (batch.isEmpty()) {
                    pending.set(0);
                    return Uni.createFrom().item(false);
                }
                List<Long> seqs = batch.stream().map(OutboxMessage::seq).toList();
                return post(batch)
                        .chain(() -> queries.markDelivered(conn, seqs))
                        .map(x -> {
                            backoff = config.initialBackoff();
                            notBefore = 0;
                            batchSize.delivered();
                            return batch.size() == limit;
                        })
                        .onFailure().recoverWithUni(e -> queries.markFailed(conn, seqs, failed(seqs.size(), e)).replaceWith(false));
            });
        }, false);
    }

    /** The REST client's call starts inside the relay's span, so its request carries that trace context. */
    private Uni<Void> post(List<OutboxMessage> batch) {
        Span span = relaySpan(batch);
        return Uni.createFrom().<Void>emitter(emitter -> {
            try (Scope ignored = span.makeCurrent()) {
                var call = consent.deliver(batch).subscribe().with(x -> emitter.complete(null), emitter::fail);
                emitter.onTermination(call::cancel);
            }
        }).onTermination().invoke((ok, failure, cancelled) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            }
            span.end();
        });
    }

    private Span relaySpan(List<OutboxMessage> batch) {
        List<Context> writers = TraceContext.restoreAll(batch.stream().map(OutboxMessage::traceparent).toList());
        SpanBuilder builder = tracer.spanBuilder("outbox relay").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.batch.message_count", (long) batch.size());
        if (writers.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(writers.get(0));
            writers.stream().skip(1).forEach(w -> builder.addLink(Span.fromContext(w).getSpanContext()));
        }
        return builder.startSpan();
    }

    /** Backs off and halves the next batch; answers why, for the rows' last error. */
    private String failed(int count, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        batchSize.failed();
        LOG.warnf("Outbox delivery of %d change(s) failed (%s); retrying in %s with at most %d", count, why, backoff,
                batchSize.current());
        notBefore = System.currentTimeMillis() + backoff.toMillis();
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        pending.set(count);
        return why;
    }
}
