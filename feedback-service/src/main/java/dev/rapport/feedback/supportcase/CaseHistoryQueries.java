package dev.rapport.feedback.supportcase;

import dev.rapport.feedback.person.ByContactQueries;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.PerParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The status history of many cases in one statement: per case its count and a page of steps, oldest first, continued
 * after a keyset cursor. With {@code onlyOf} (a contact reading), another person's case answers as an unknown one.
 */
@ApplicationScoped
public class CaseHistoryQueries {
    @Inject
    Pool pool;

    public Uni<List<PerParent<CaseView.EventView>>> history(List<UUID> caseIds, String cursor, int limit, UUID onlyOf) {
        Keyset after = Keyset.of(cursor);
        return PerParent.read(pool, """
                select p.id as parent, n.total, e.id, e.at, e.type, e.status, e.actor, e.note
                from unnest($1::uuid[]) as p(id)
                join cases c on c.id = p.id and ($5::uuid is null or c.contact_id = $5)
                cross join lateral (select count(*) as total from case_events x where x.case_id = p.id) n
                left join lateral (select * from case_events x where x.case_id = p.id
                                     and ($3::timestamptz is null or (x.at, x.id) > ($3, $4))
                                   order by x.at, x.id limit $2) e on true
                order by p.id, e.at, e.id""",
                Tuple.of(caseIds.toArray(UUID[]::new), limit + 1, after.at(), after.id(), onlyOf), caseIds, limit,
                r -> new CaseView.EventView(r.getUUID("id"), ByContactQueries.instant(r, "at"), r.getString("type"),
                        r.getString("status"), r.getString("actor"), r.getString("note")),
                e -> Keyset.encode(e.at(), e.id()));
    }
}
