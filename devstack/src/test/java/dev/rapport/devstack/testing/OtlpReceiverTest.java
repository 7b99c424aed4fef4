package dev.rapport.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver reads OTLP protobuf as opentelemetry-proto lays it out (fields encoded here by hand). */
class OtlpReceiverTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aPostedExportIsReadIntoSpans() throws Exception {
        byte[] link = concat(len(1, hex("0af7651916cd43dd8448eb211c80319c")), len(2, hex("b7ad6b7169203331")));
        byte[] span = concat(len(1, hex(TRACE)), len(2, hex("00f067aa0ba902b7")), len(3, new byte[0]),
                len(4, hex("53995c3f42cd8ad8")), len(5, "outbox relay".getBytes(StandardCharsets.UTF_8)), varint(6, 4),
                fixed64(7), fixed64(8), len(13, link));
        byte[] attribute = concat(len(1, "service.name".getBytes(StandardCharsets.UTF_8)),
                len(2, len(1, "contacts-service".getBytes(StandardCharsets.UTF_8))));
        byte[] resourceSpans = concat(len(1, len(1, attribute)), len(2, concat(len(1, new byte[0]), len(2, span))));
        byte[] request = len(1, resourceSpans);

        try (OtlpReceiver receiver = new OtlpReceiver()) {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, answer.statusCode());
            assertEquals(List.of(new OtlpReceiver.ReceivedSpan("contacts-service", TRACE, "00f067aa0ba902b7", "53995c3f42cd8ad8",
                    "outbox relay", 4, List.of("0af7651916cd43dd8448eb211c80319c"))), receiver.trace(TRACE));
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] len(int field, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3 | 2);
        writeVarint(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] fixed64(int field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3 | 1);
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
