package dev.rapport.consent.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads an NDJSON audience a chunk at a time (so a million lines never sit in memory). A line is a contact id:
 * bare, as a JSON string, or as {@code {"contactId": "…"}}. A bad line becomes an error for that line only; lines
 * beyond the limit end the stream with one error. Blocking: call from a worker thread.
 */
public final class NdjsonIds implements Closeable {
    public record Line(long number, UUID contactId, JsonNode object, String error) {
    }

    private final BufferedReader reader;
    private final ObjectMapper json;
    private final long max;
    private long lineNo;
    private long accepted;
    private boolean done;

    public NdjsonIds(InputStream in, ObjectMapper json, long max) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        this.json = json;
        this.max = max;
    }

    /** Up to {@code size} lines; empty at the end. */
    public List<Line> next(int size) {
        List<Line> out = new ArrayList<>(size);
        if (done) {
            return out;
        }
        try {
            String raw;
            while (out.size() < size && (raw = reader.readLine()) != null) {
                lineNo++;
                String s = raw.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (accepted == max) {
                    out.add(new Line(lineNo, null, null, "the body has more than " + max + " contacts; the rest was not processed"));
                    done = true;
                    return out;
                }
                accepted++;
                out.add(parse(s));
            }
            if (out.isEmpty()) {
                done = true;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Line parse(String s) {
        try {
            if (s.charAt(0) == '{') {
                JsonNode node = json.readTree(s);
                JsonNode id = node.get("contactId");
                if (id == null || !id.isTextual()) {
                    return new Line(lineNo, null, null, "contactId is required");
                }
                return new Line(lineNo, UUID.fromString(id.asText()), node, null);
            }
            String id = s.charAt(0) == '"' && s.length() > 1 && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
            if (id.length() != 36) {
                return new Line(lineNo, null, null, "is not a contact id (expected a UUID)");
            }
            return new Line(lineNo, UUID.fromString(id), null, null);
        } catch (IOException | IllegalArgumentException e) {
            return new Line(lineNo, null, null, "is not a contact id (expected a UUID, \"UUID\" or {\"contactId\":\"UUID\"})");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException | RuntimeException ignored) {
            // the body is drained by the server anyway; closing early is only a courtesy
        }
    }
}
