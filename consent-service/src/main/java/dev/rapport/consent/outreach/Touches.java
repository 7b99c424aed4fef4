package dev.rapport.consent.outreach;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.PerContact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Reads outreach per contact for many contacts at once. */
@ApplicationScoped
public class Touches {
    @Inject
    OutreachQueries queries;

    /**
     * Each contact's {@code limit} newest requests older than the cursor (ids are time-ordered, so the cursor is the
     * last id read), in one statement: a window per contact.
     */
    public Uni<List<PerContact<OutreachView>>> newestOf(List<UUID> contactIds, OutreachStatus status, String cursor, int limit) {
        return queries.newestOf(contactIds, status, Keyset.idOf(cursor), limit + 1)
                .map(views -> PerContact.paged(contactIds, views, limit, OutreachView::contactId, v -> Cursor.encode(v.id())));
    }
}
