package dev.rapport.contacts.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a static segment's list: CSV (the first column of each line is a contact id; a first line that is not an id,
 * such as {@code contact_id}, is a header) or NDJSON (a line is an id: bare, as a JSON string, or
 * {@code {"contactId": "…"}}). A line that is neither is a 400 naming it; nothing is stored then.
 */
final class MemberList {
    record Read(List<UUID> ids, long repeated) {
    }

    private MemberList() {
    }

    static Read read(InputStream body, boolean ndjson, int max, ObjectMapper json) {
        Set<UUID> ids = new LinkedHashSet<>();
        long repeated = 0;
        long line = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            String raw;
            while ((raw = in.readLine()) != null) {
                line++;
                String s = raw.strip();
                if (line == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (s.isEmpty()) {
                    continue;
                }
                UUID id = ndjson ? fromJson(s, json) : fromCsv(s);
                if (id == null) {
                    if (!ndjson && line == 1) {
                        continue; // a header
                    }
                    throw ProblemException.badField("line " + line, ndjson
                            ? "is not a contact id (a UUID, \"UUID\" or {\"contactId\": \"UUID\"})"
                            : "does not start with a contact id (a UUID)");
                }
                if (!ids.add(id)) {
                    repeated++;
                } else if (ids.size() > max) {
                    throw ProblemException.badField("body", "has more than " + max + " contact ids");
                }
            }
        } catch (IOException e) {
            throw ProblemException.badField("body", "could not be read to the end");
        }
        return new Read(List.copyOf(ids), repeated);
    }

    private static UUID fromCsv(String line) {
        int comma = line.indexOf(',');
        String first = (comma < 0 ? line : line.substring(0, comma)).strip();
        if (first.length() > 1 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1).strip();
        }
        return uuid(first);
    }

    private static UUID fromJson(String line, ObjectMapper json) {
        if (line.charAt(0) != '{' && line.charAt(0) != '"') {
            return uuid(line);
        }
        try {
            JsonNode node = json.readTree(line);
            JsonNode id = node.isObject() ? node.get("contactId") : node;
            return id != null && id.isTextual() ? uuid(id.asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        if (s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
