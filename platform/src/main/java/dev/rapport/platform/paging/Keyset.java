package dev.rapport.platform.paging;

import dev.rapport.platform.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The position a newest-first list continues from: the time and id of the last row read (ids break ties). Both are
 * null for the first page, so a statement can test {@code $n::timestamptz is null or (t, id) < ($n, $m)}.
 */
public record Keyset(OffsetDateTime at, UUID id) {

    public static String encode(Instant at, UUID id) {
        return Cursor.encode(at, id);
    }

    /** A cursor of {@link #encode}; a malformed one is a 400 naming {@code cursor}. */
    public static Keyset of(String cursor) {
        List<String> keys = Cursor.decode(cursor, 2);
        if (keys.isEmpty()) {
            return new Keyset(null, null);
        }
        try {
            return new Keyset(Instant.parse(keys.get(0)).atOffset(ZoneOffset.UTC), UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    /** For lists ordered by a time-ordered id alone (UUIDv7): the id of the last row read, or null. */
    public static UUID idOf(String cursor) {
        List<String> keys = Cursor.decode(cursor, 1);
        if (keys.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(keys.get(0));
        } catch (RuntimeException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}
