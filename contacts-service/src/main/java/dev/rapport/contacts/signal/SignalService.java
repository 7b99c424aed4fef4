package dev.rapport.contacts.signal;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Signals are evaluated when asked, from the timeline and follow-ups, so they are never stale. */
@ApplicationScoped
public class SignalService {
    @Inject
    Pool pool;
    @Inject
    SignalQueries queries;

    public record OwnerSummary(String owner, SignalKind kind, long count) {
    }

    public Uni<Page<SignalView>> due(String owner, SignalKind kind, UUID contactId, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 5);
        Tuple params = Tuple.tuple();
        params.addValue(owner).addValue(kind == null ? null : kind.name()).addValue(contactId);
        String keyset = "";
        if (!after.isEmpty()) {
            try {
                params.addValue(after.get(0)).addValue(OffsetDateTime.parse(after.get(1)))
                        .addValue(UUID.fromString(after.get(2))).addValue(after.get(3)).addValue(after.get(4));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
            keyset = " and (coalesce(c.owner, ''), s.since, s.contact_id, s.kind, s.tiebreak) > ($4, $5, $6, $7, $8)";
        }
        params.addValue(limit + 1);
        int limitParam = params.size();
        String sql = "with " + queries.cte() + """
                select s.contact_id, s.kind, s.since, s.facts, s.tiebreak, c.display_name, c.owner
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                where ($1::text is null or c.owner = $1) and ($2::text is null or s.kind = $2)
                  and ($3::uuid is null or s.contact_id = $3)""" + keyset + """
                 order by coalesce(c.owner, ''), s.since, s.contact_id, s.kind, s.tiebreak limit $""" + limitParam;
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return Page.of(list, limit, SignalService::view, r -> Cursor.encode(
                    r.getString("owner") == null ? "" : r.getString("owner"),
                    r.getOffsetDateTime("since").withOffsetSameInstant(ZoneOffset.UTC), r.getUUID("contact_id"),
                    r.getString("kind"), r.getString("tiebreak")));
        });
    }

    /** The signals due for each contact asked, in one query; grouped per id in the order asked. */
    public Uni<List<PerContact<SignalView>>> dueFor(List<UUID> contactIds) {
        String sql = "with " + queries.cte() + """
                select s.contact_id, s.kind, s.since, s.facts, s.tiebreak, c.display_name, c.owner
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                where s.contact_id = any($1)
                order by s.contact_id, s.since, s.kind, s.tiebreak""";
        return pool.preparedQuery(sql).execute(Tuple.of(contactIds.toArray(UUID[]::new))).map(rows -> {
            List<SignalView> views = new ArrayList<>();
            rows.forEach(r -> views.add(view(r)));
            return PerContact.group(contactIds, views, SignalView::contactId);
        });
    }

    public Uni<List<OwnerSummary>> summary() {
        return pool.query("with " + queries.cte() + """
                select c.owner, s.kind, count(*) as n
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                group by c.owner, s.kind order by c.owner nulls last, s.kind""").execute().map(rows -> {
            List<OwnerSummary> out = new ArrayList<>();
            rows.forEach(r -> out.add(new OwnerSummary(r.getString("owner"), SignalKind.valueOf(r.getString("kind")),
                    r.getLong("n"))));
            return out;
        });
    }

    /** Quietens a signal until its facts change after now (a new crossing, a new due date, a new purchase). */
    public Uni<Void> acknowledge(UUID contactId, SignalKind kind, String by) {
        return pool.preparedQuery("""
                insert into signal_acknowledgements (contact_id, kind, acknowledged_at, acknowledged_by)
                values ($1, $2, now(), $3)
                on conflict (contact_id, kind) do update set acknowledged_at = now(), acknowledged_by = $3""")
                .execute(Tuple.of(contactId, kind.name(), by)).replaceWithVoid();
    }

    private static SignalView view(Row r) {
        JsonObject facts = r.getJsonObject("facts");
        return new SignalView(r.getUUID("contact_id"), r.getString("display_name"), r.getString("owner"),
                SignalKind.valueOf(r.getString("kind")), r.getOffsetDateTime("since").toInstant(),
                facts == null ? java.util.Map.of() : facts.getMap());
    }

}
