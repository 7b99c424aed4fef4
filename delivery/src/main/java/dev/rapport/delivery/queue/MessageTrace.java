package dev.rapport.delivery.queue;

import dev.rapport.delivery.clients.consent.Lease;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts each message's delivery into the trace of the request that queued it: consent-service hands the request's
 * {@code traceparent} out with the lease, and the message's span ({@code deliver EMAIL}) continues that trace, linked to
 * the round it was leased in. So a GraphQL call that asked for outreach, the decision, and the e-mail that went out
 * are one trace. A lease without one (tracing off where it was queued) gets a span in the current trace.
 */
@ApplicationScoped
public class MessageTrace {
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    /** Runs one message's delivery in its span; {@code outcome} names what became of it (an attribute of the span). */
    public <T> Uni<T> deliver(Lease lease, Supplier<Uni<T>> work, Function<T, String> outcome) {
        SpanBuilder builder = tracer.spanBuilder("deliver " + lease.channel()).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("rapport.outreach.id", lease.id().toString())
                .setAttribute("rapport.outreach.attempt", (long) lease.attempt());
        Context queuedBy = queuedBy(lease.traceparent());
        if (queuedBy != null) {
            builder.setParent(queuedBy);
            if (Span.current().getSpanContext().isValid()) {
                builder.addLink(Span.current().getSpanContext());
            }
        }
        Span span = builder.startSpan();
        return work.get().onItemOrFailure().invoke((item, failure) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            } else {
                span.setAttribute("rapport.delivery.outcome", outcome.apply(item));
            }
            span.end();
        });
    }

    /** The remote parent a W3C {@code traceparent} names, or null when it is absent or not a valid one. */
    static Context queuedBy(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context restored = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), MAP);
        return Span.fromContext(restored).getSpanContext().isValid() ? restored : null;
    }
}
