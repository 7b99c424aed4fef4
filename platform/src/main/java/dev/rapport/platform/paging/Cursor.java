package dev.rapport.platform.paging;

import dev.rapport.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort-key values of the last row returned, base64url-encoded.
 * Clients pass it back unchanged; anything else is rejected as a bad {@code cursor} parameter.
 */
public final class Cursor {
    private static final char SEP = '\u001f';

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder raw = new StringBuilder("v1");
        for (Object k : keys) {
            raw.append(SEP).append(k == null ? "" : k.toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key values, or an empty list for a null/blank cursor (first page). */
    public static List<String> decode(String cursor, int expectedKeys) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(raw.split(String.valueOf(SEP), -1));
            if (parts.size() != expectedKeys + 1 || !parts.get(0).equals("v1")) {
                throw new IllegalArgumentException();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    /** Page size from a query parameter: default when absent, rejected outside 1..max. */
    public static int limit(Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.badField("limit", "must be between 1 and " + max);
        }
        return requested;
    }
}
