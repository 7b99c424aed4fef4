package dev.rapport.devstack.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local OpenTelemetry collector for tests: it takes OTLP/HTTP protobuf trace exports ({@code POST /v1/traces}) on a
 * free loopback port and keeps every span (service, trace id, span id, parent, name, links). The protobuf is read by
 * hand (the few fields of opentelemetry-proto's trace messages a test asserts on), so nothing is mocked: the services'
 * own exporters send here exactly what they would send to a collector. Point a process at it with
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf} and {@link #endpoint()}.
 */
public final class OtlpReceiver implements AutoCloseable {
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
            List<String> linkedTraceIds) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                // exporters post to <endpoint>/v1/traces; any other export (metrics, logs) is not sent here
                spans.addAll(exportRequest(in.readAllBytes()));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The base URL exporters take ({@code /v1/traces} is appended by them). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    static List<ReceivedSpan> exportRequest(byte[] bytes) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Field f : Field.all(bytes)) {
            if (f.number == 1) {
                resourceSpans(f.bytes, out);
            }
        }
        return out;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }  ScopeSpans { scope = 1; repeated Span spans = 2; }
    private static void resourceSpans(byte[] bytes, List<ReceivedSpan> out) {
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : Field.all(bytes)) {
            if (f.number == 1) {
                for (Field attribute : Field.all(f.bytes)) {
                    if (attribute.number == 1 && "service.name".equals(key(attribute.bytes))) {
                        service = stringValue(attribute.bytes);
                    }
                }
            } else if (f.number == 2) {
                scopes.add(f.bytes);
            }
        }
        for (byte[] scope : scopes) {
            for (Field f : Field.all(scope)) {
                if (f.number == 2) {
                    out.add(span(service, f.bytes));
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated Link links = 13; }  Link { bytes trace_id = 1; bytes span_id = 2; }
    private static ReceivedSpan span(String service, byte[] bytes) {
        String traceId = null;
        String spanId = null;
        String parent = null;
        String name = null;
        int kind = 0;
        List<String> links = new ArrayList<>();
        for (Field f : Field.all(bytes)) {
            switch (f.number) {
                case 1 -> traceId = hex(f.bytes);
                case 2 -> spanId = hex(f.bytes);
                case 4 -> parent = f.bytes.length == 0 ? null : hex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                case 13 -> Field.all(f.bytes).stream().filter(l -> l.number == 1).forEach(l -> links.add(hex(l.bytes)));
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, links);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; … }
    private static String key(byte[] keyValue) {
        for (Field f : Field.all(keyValue)) {
            if (f.number == 1) {
                return new String(f.bytes, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String stringValue(byte[] keyValue) {
        for (Field f : Field.all(keyValue)) {
            if (f.number == 2) {
                for (Field v : Field.all(f.bytes)) {
                    if (v.number == 1) {
                        return new String(v.bytes, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** One protobuf field of a message: its number and either its varint or its length-delimited bytes. */
    record Field(int number, long varint, byte[] bytes) {
        static List<Field> all(byte[] message) {
            List<Field> out = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> out.add(new Field(number, varint(message, at), new byte[0]));
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        ByteArrayOutputStream b = new ByteArrayOutputStream(length);
                        b.write(message, at[0], length);
                        at[0] += length;
                        out.add(new Field(number, 0, b.toByteArray()));
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
                }
            }
            return out;
        }

        private static long varint(byte[] b, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[at[0]++];
                value |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }
    }
}
