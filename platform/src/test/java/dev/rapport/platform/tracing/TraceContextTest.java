package dev.rapport.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredTraceparentRestoresItsTraceAndParentSpan() {
        SpanContext parent = Span.fromContext(TraceContext.restore(STORED).orElseThrow()).getSpanContext();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertTrue(parent.isRemote() && parent.isSampled());
    }

    @Test
    void aSpanWritesTheSameTraceparentBack() {
        Span span = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault()));
        assertEquals(STORED, TraceContext.traceparent(span));
    }

    @Test
    void withTracingOffNothingIsStoredOrRestored() {
        assertNull(TraceContext.current());
        assertTrue(TraceContext.restore(null).isEmpty());
        assertTrue(TraceContext.restore("not-a-traceparent").isEmpty());
        assertTrue(TraceContext.restore("00-00000000000000000000000000000000-00f067aa0ba902b7-01").isEmpty());
    }

    @Test
    void aBatchNamesEachTraceOnce() {
        String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertEquals(2, TraceContext.restoreAll(Arrays.asList(STORED, null, other, STORED)).size());
        assertEquals(List.of(), TraceContext.restoreAll(Arrays.asList(null, "")));
    }
}
