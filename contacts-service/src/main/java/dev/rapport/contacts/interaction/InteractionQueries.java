package dev.rapport.contacts.interaction;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL of the timeline. {@link #view} is the interactions table's one row mapper.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: ingest (partners push in batches) needs
 * {@code insert … on conflict do nothing returning}, which Hibernate cannot express, and recomputes value in the same
 * transaction ({@link dev.rapport.contacts.value.ValueQueries#recompute}). No benchmark measures ingest yet, so there
 * is no figure; the reason is the statement.
 */
@ApplicationScoped
public class InteractionQueries {
    @Inject
    Pool pool;

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** What each id names today (itself, or the contact it was merged into); unknown ids are absent. */
    Uni<Map<UUID, UUID>> resolveIds(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery("select id, coalesce(merged_into, id) as resolved from contacts where id = any($1)")
                .execute(Tuple.of(ids)).map(rows -> {
                    Map<UUID, UUID> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("id"), r.getUUID("resolved")));
                    return out;
                });
    }

    /** For each "channel|address", the (surviving) contacts holding it. */
    Uni<Map<String, Set<UUID>>> resolveAddresses(SqlConnection conn, String[] channels, String[] addresses) {
        return conn.preparedQuery("""
                select p.channel || '|' || p.address as ref, coalesce(c.merged_into, c.id) as resolved
                from contact_points p join contacts c on c.id = p.contact_id
                where (p.channel, p.address) in (select * from unnest($1::text[], $2::text[]))""")
                .execute(Tuple.of(channels, addresses)).map(rows -> {
                    Map<String, Set<UUID>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getString("ref"), k -> new LinkedHashSet<>()).add(r.getUUID("resolved")));
                    return out;
                });
    }

    /** A row to insert: its id and the contact it is about are decided by the caller. */
    record NewRow(UUID id, UUID contactId, NewInteraction in) {
    }

    /** An interaction already stored under a (source, externalId) sent again. */
    record Existing(UUID id, UUID contactId) {
    }

    /**
     * Inserts the rows in one batch, skipping those whose (source, externalId) is stored already; answers, in order,
     * null for a row inserted and the stored interaction for one skipped.
     */
    Uni<List<Existing>> insert(SqlConnection conn, List<NewRow> rows) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> tuples = new ArrayList<>();
        for (NewRow row : rows) {
            NewInteraction in = row.in();
            tuples.add(Tuple.tuple(List.of(row.id(), row.contactId(), in.type().name(),
                    in.occurredAt().atOffset(ZoneOffset.UTC), now, in.source(), in.externalId()))
                    .addValue(in.amount()).addValue(in.currency()).addValue(in.channel()).addValue(in.subject())
                    .addValue(in.details() == null ? null : new JsonObject(new HashMap<>(in.details()))));
        }
        return conn.preparedQuery("""
                insert into interactions (id, contact_id, type, occurred_at, recorded_at, source, external_id,
                                          amount, currency, channel, subject, details)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                on conflict (source, external_id) do nothing returning id""").executeBatch(tuples).chain(first -> {
            boolean[] created = new boolean[rows.size()];
            RowSet<Row> rs = first;
            for (int i = 0; i < rows.size() && rs != null; i++, rs = rs.next()) {
                created[i] = rs.rowCount() == 1;
            }
            List<String> dupSources = new ArrayList<>();
            List<String> dupExternal = new ArrayList<>();
            for (int i = 0; i < created.length; i++) {
                if (!created[i]) {
                    dupSources.add(rows.get(i).in().source());
                    dupExternal.add(rows.get(i).in().externalId());
                }
            }
            Uni<Map<String, Existing>> existing = dupSources.isEmpty() ? Uni.createFrom().item(Map.of())
                    : conn.preparedQuery("""
                            select id, contact_id, source, external_id from interactions
                            where (source, external_id) in (select * from unnest($1::text[], $2::text[]))""")
                    .execute(Tuple.of(dupSources.toArray(String[]::new), dupExternal.toArray(String[]::new)))
                    .map(set -> {
                        Map<String, Existing> m = new HashMap<>();
                        set.forEach(r -> m.put(r.getString("source") + "\u0000" + r.getString("external_id"),
                                new Existing(r.getUUID("id"), r.getUUID("contact_id"))));
                        return m;
                    });
            return existing.map(dups -> {
                List<Existing> out = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    NewInteraction in = rows.get(i).in();
                    out.add(created[i] ? null : dups.get(in.source() + "\u0000" + in.externalId()));
                }
                return out;
            });
        });
    }

    /** Newest first, keyset-paged on (occurredAt, id). */
    public Uni<Page<InteractionView>> timeline(UUID contactId, List<InteractionType> types, String cursor, int limit) {
        Keyset after = Keyset.of(cursor);
        return pool.preparedQuery("""
                select * from interactions
                where contact_id = $1
                  and ($2::text[] is null or type = any($2))
                  and ($3::timestamptz is null or (occurred_at, id) < ($3, $4))
                order by occurred_at desc, id desc limit $5""")
                .execute(Tuple.of(contactId, typeNames(types), after.at(), after.id(), limit + 1))
                .map(rows -> {
                    List<InteractionView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(view(r)));
                    return Page.of(views, limit, v -> v, InteractionQueries::cursorOf);
                });
    }

    /**
     * The first page of many contacts' timelines in one query: each contact's {@code limit} newest interactions (a window
     * over the timeline index) with that contact's own cursor for the next page. A cursor given here applies to every
     * contact (interactions older than it), so one contact's {@code next} continues that contact's timeline.
     */
    public Uni<List<PerContact<InteractionView>>> timelines(List<UUID> contactIds, List<InteractionType> types, String cursor,
            int limit) {
        Keyset after = Keyset.of(cursor);
        return pool.preparedQuery("""
                select * from (
                  select i.*, row_number() over (partition by i.contact_id order by i.occurred_at desc, i.id desc) as rn
                  from interactions i
                  where i.contact_id = any($1)
                    and ($2::text[] is null or i.type = any($2))
                    and ($3::timestamptz is null or (i.occurred_at, i.id) < ($3, $4))) ranked
                where rn <= $5
                order by contact_id, occurred_at desc, id desc""")
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), typeNames(types), after.at(), after.id(), limit + 1))
                .map(rows -> {
                    List<InteractionView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(view(r)));
                    return PerContact.paged(contactIds, views, limit, InteractionView::contactId, InteractionQueries::cursorOf);
                });
    }

    private static String[] typeNames(List<InteractionType> types) {
        return types == null || types.isEmpty() ? null : types.stream().map(Enum::name).toArray(String[]::new);
    }

    private static String cursorOf(InteractionView v) {
        return Cursor.encode(v.occurredAt(), v.id());
    }

    public static InteractionView view(Row r) {
        JsonObject details = r.getJsonObject("details");
        Map<String, String> d = null;
        if (details != null) {
            d = new HashMap<>();
            for (Map.Entry<String, Object> e : details) {
                d.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        BigDecimal amount = r.getBigDecimal("amount");
        return new InteractionView(r.getUUID("id"), r.getUUID("contact_id"), InteractionType.valueOf(r.getString("type")),
                r.getOffsetDateTime("occurred_at").toInstant(), r.getOffsetDateTime("recorded_at").toInstant(),
                r.getString("source"), r.getString("external_id"), amount == null ? null : amount.stripTrailingZeros(),
                r.getString("currency"), r.getString("channel"), r.getString("subject"), d);
    }
}
