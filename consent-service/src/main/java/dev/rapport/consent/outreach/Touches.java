package dev.rapport.consent.outreach;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.PerContact;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads outreach per contact for many contacts at once. */
@ApplicationScoped
public class Touches {
    @Inject
    Pool pool;
    @Inject
    OutreachService outreach;

    /**
     * Each contact's {@code limit} newest requests older than the cursor (ids are time-ordered, so the cursor is the
     * last id read), in one statement: a window per contact.
     */
    public Uni<List<PerContact<OutreachView>>> newestOf(List<UUID> contactIds, OutreachStatus status, String cursor, int limit) {
        return pool.preparedQuery("select " + OutreachService.COLUMNS + " from ("
                        + "select o.*, row_number() over (partition by o.contact_id order by o.id desc) as rn from outreach o "
                        + "where o.contact_id = any($1) and ($2::text is null or o.status = $2) and ($4::uuid is null or o.id < $4)) ranked "
                        + "where rn <= $3 order by contact_id, id desc")
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), status == null ? null : status.name(), limit + 1,
                        Keyset.idOf(cursor)))
                .map(rows -> {
                    List<OutreachView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(outreach.view(r)));
                    return PerContact.paged(contactIds, views, limit, OutreachView::contactId, v -> Cursor.encode(v.id()));
                });
    }
}
