package dev.rapport.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}) across a hop that is not a request: a row written now and sent later
 * (contacts-service's outbox) stores the writer's {@code traceparent}, and whoever picks it up continues that trace.
 * With tracing off there is no valid span, so nothing is stored and nothing restored.
 */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";

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

    private TraceContext() {
    }

    /** The current span's {@code traceparent}, or null when no span is recording context (tracing off). */
    public static String current() {
        return traceparent(Span.current());
    }

    /** The span's {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null when it has no valid context. */
    public static String traceparent(Span span) {
        SpanContext c = span.getSpanContext();
        if (!c.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The remote parent a stored {@code traceparent} names, when it is a valid one. */
    public static Optional<Context> restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Optional.empty();
        }
        Context restored = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
        return Span.fromContext(restored).getSpanContext().isValid() ? Optional.of(restored) : Optional.empty();
    }

    /** The distinct valid parents of several stored contexts, in order (a batch that several requests wrote). */
    public static List<Context> restoreAll(List<String> traceparents) {
        Map<String, Context> out = new java.util.LinkedHashMap<>();
        for (String t : traceparents) {
            restore(t).ifPresent(c -> out.putIfAbsent(t, c));
        }
        return List.copyOf(out.values());
    }
}
