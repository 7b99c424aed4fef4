package dev.rapport.consent.audience;

import dev.rapport.consent.common.NdjsonIds;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** The contact ids of a bulk call, a chunk at a time: lines of the request body, or pages of a segment. */
public interface AudienceIds {
    /** Up to {@code size} lines; empty at the end. */
    Uni<List<NdjsonIds.Line>> next(int size);

    void close();
}
