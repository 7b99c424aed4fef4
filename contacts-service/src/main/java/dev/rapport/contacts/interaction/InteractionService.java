package dev.rapport.contacts.interaction;

import dev.rapport.contacts.contactpoint.AddressNormaliser;
import dev.rapport.contacts.value.ValueService;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
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

/**
 * Timeline ingest and reads. Uses the reactive SQL client directly: ingest is the hottest write path
 * (partners push in batches) and needs {@code insert … on conflict do nothing returning}, which Hibernate
 * cannot express, plus value recomputation in the same transaction.
 */
@ApplicationScoped
public class InteractionService {
    public static final int MAX_BATCH = 1000;

    @Inject
    Pool pool;
    @Inject
    ValueService values;

    private record Prepared(int index, String prefix, NewInteraction in, String refKey) {
    }

    public Uni<List<IngestResult>> ingest(List<NewInteraction> items, boolean batch) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Prepared> prepared = validate(items, batch);
        return pool.withTransaction(conn -> resolveContacts(conn, prepared)
                .chain(contactOf -> insert(conn, prepared, contactOf)
                        .chain(results -> {
                            Set<UUID> valueChanged = new LinkedHashSet<>();
                            for (int i = 0; i < results.size(); i++) {
                                if (results.get(i).status() == IngestResult.Status.CREATED
                                        && prepared.get(i).in().type().carriesAmount()) {
                                    valueChanged.add(results.get(i).contactId());
                                }
                            }
                            return values.recompute(conn, valueChanged).replaceWith(results);
                        })));
    }

    private static List<Prepared> validate(List<NewInteraction> items, boolean batch) {
        Instant latest = Instant.now().plusSeconds(300);
        List<Prepared> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            NewInteraction in = items.get(i);
            String prefix = batch ? "[" + i + "]." : "";
            if ((in.contactId() == null) == (in.contactPoint() == null)) {
                throw ProblemException.badField(prefix + "contactId", "give exactly one of contactId or contactPoint");
            }
            if (in.type().carriesAmount() && (in.amount() == null || in.currency() == null)) {
                throw ProblemException.badField(prefix + (in.amount() == null ? "amount" : "currency"),
                        "is required for " + in.type());
            }
            if (!in.type().carriesAmount() && (in.amount() != null || in.currency() != null)) {
                throw ProblemException.badField(prefix + "amount", "is only for PURCHASE and REFUND");
            }
            if (in.occurredAt().isAfter(latest)) {
                throw ProblemException.badField(prefix + "occurredAt", "is in the future");
            }
            Integer earlier = seen.putIfAbsent(in.source() + "\u0000" + in.externalId(), i);
            if (earlier != null) {
                throw ProblemException.badField(prefix + "externalId", "repeats [" + earlier + "] with the same source");
            }
            String refKey = null;
            if (in.contactPoint() != null) {
                String address = AddressNormaliser.normalise(in.contactPoint().channel(), in.contactPoint().address(), null,
                        null, prefix + "contactPoint.").address();
                refKey = in.contactPoint().channel().name() + "|" + address;
            }
            out.add(new Prepared(i, prefix, in, refKey));
        }
        return out;
    }

    /** Maps each item to the (surviving) contact it is about; unknown or ambiguous references are 422s naming the item. */
    private Uni<Map<Integer, UUID>> resolveContacts(SqlConnection conn, List<Prepared> prepared) {
        UUID[] ids = prepared.stream().filter(p -> p.in().contactId() != null).map(p -> p.in().contactId()).distinct()
                .toArray(UUID[]::new);
        List<String> channels = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        prepared.stream().filter(p -> p.refKey() != null).map(Prepared::refKey).distinct().forEach(k -> {
            int bar = k.indexOf('|');
            channels.add(k.substring(0, bar));
            addresses.add(k.substring(bar + 1));
        });
        Uni<RowSet<Row>> byId = conn.preparedQuery(
                "select id, coalesce(merged_into, id) as resolved from contacts where id = any($1)").execute(Tuple.of(ids));
        Uni<RowSet<Row>> byPoint = conn.preparedQuery("""
                select p.channel || '|' || p.address as ref, coalesce(c.merged_into, c.id) as resolved
                from contact_points p join contacts c on c.id = p.contact_id
                where (p.channel, p.address) in (select * from unnest($1::text[], $2::text[]))""")
                .execute(Tuple.of(channels.toArray(String[]::new), addresses.toArray(String[]::new)));
        return byId.chain(idRows -> byPoint.map(pointRows -> {
            Map<UUID, UUID> idMap = new HashMap<>();
            idRows.forEach(r -> idMap.put(r.getUUID("id"), r.getUUID("resolved")));
            Map<String, Set<UUID>> refMap = new HashMap<>();
            pointRows.forEach(r -> refMap.computeIfAbsent(r.getString("ref"), k -> new LinkedHashSet<>()).add(r.getUUID("resolved")));
            Map<Integer, UUID> out = new HashMap<>();
            for (Prepared p : prepared) {
                if (p.in().contactId() != null) {
                    UUID resolved = idMap.get(p.in().contactId());
                    if (resolved == null) {
                        throw unknown(p.prefix() + "contactId", "no contact has id " + p.in().contactId());
                    }
                    out.put(p.index(), resolved);
                } else {
                    Set<UUID> matches = refMap.getOrDefault(p.refKey(), Set.of());
                    if (matches.isEmpty()) {
                        throw unknown(p.prefix() + "contactPoint", "no contact has this address");
                    }
                    if (matches.size() > 1) {
                        throw unknown(p.prefix() + "contactPoint", "this address belongs to several contacts; send contactId");
                    }
                    out.put(p.index(), matches.iterator().next());
                }
            }
            return out;
        }));
    }

    private static ProblemException unknown(String field, String message) {
        return new ProblemException(422, "unknown-contact", "Unknown contact", field + ": " + message,
                List.of(new dev.rapport.platform.problem.Problem.FieldError(field, message)));
    }

    private Uni<List<IngestResult>> insert(SqlConnection conn, List<Prepared> prepared, Map<Integer, UUID> contactOf) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>();
        List<UUID> newIds = new ArrayList<>();
        for (Prepared p : prepared) {
            NewInteraction in = p.in();
            UUID id = Ids.newId();
            newIds.add(id);
            rows.add(Tuple.tuple(List.of(id, contactOf.get(p.index()), in.type().name(),
                    in.occurredAt().atOffset(ZoneOffset.UTC), now, in.source(), in.externalId()))
                    .addValue(in.amount()).addValue(in.currency()).addValue(in.channel()).addValue(in.subject())
                    .addValue(in.details() == null ? null : new JsonObject(new HashMap<>(in.details()))));
        }
        return conn.preparedQuery("""
                insert into interactions (id, contact_id, type, occurred_at, recorded_at, source, external_id,
                                          amount, currency, channel, subject, details)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                on conflict (source, external_id) do nothing returning id""").executeBatch(rows).chain(first -> {
            boolean[] created = new boolean[prepared.size()];
            RowSet<Row> rs = first;
            for (int i = 0; i < prepared.size() && rs != null; i++, rs = rs.next()) {
                created[i] = rs.rowCount() == 1;
            }
            List<String> dupSources = new ArrayList<>();
            List<String> dupExternal = new ArrayList<>();
            for (int i = 0; i < created.length; i++) {
                if (!created[i]) {
                    dupSources.add(prepared.get(i).in().source());
                    dupExternal.add(prepared.get(i).in().externalId());
                }
            }
            Uni<Map<String, Row>> existing = dupSources.isEmpty() ? Uni.createFrom().item(Map.of())
                    : conn.preparedQuery("""
                            select id, contact_id, source, external_id from interactions
                            where (source, external_id) in (select * from unnest($1::text[], $2::text[]))""")
                    .execute(Tuple.of(dupSources.toArray(String[]::new), dupExternal.toArray(String[]::new)))
                    .map(set -> {
                        Map<String, Row> m = new HashMap<>();
                        set.forEach(r -> m.put(r.getString("source") + "\u0000" + r.getString("external_id"), r));
                        return m;
                    });
            return existing.map(dups -> {
                List<IngestResult> results = new ArrayList<>();
                for (int i = 0; i < prepared.size(); i++) {
                    NewInteraction in = prepared.get(i).in();
                    if (created[i]) {
                        results.add(new IngestResult(newIds.get(i), contactOf.get(i), in.source(), in.externalId(),
                                IngestResult.Status.CREATED));
                    } else {
                        Row r = dups.get(in.source() + "\u0000" + in.externalId());
                        results.add(new IngestResult(r.getUUID("id"), r.getUUID("contact_id"), in.source(), in.externalId(),
                                IngestResult.Status.DUPLICATE));
                    }
                }
                return results;
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
                    return Page.of(views, limit, v -> v, InteractionService::cursorOf);
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
                    return PerContact.paged(contactIds, views, limit, InteractionView::contactId, InteractionService::cursorOf);
                });
    }

    private record Keyset(OffsetDateTime at, UUID id) {
        static Keyset of(String cursor) {
            List<String> after = Cursor.decode(cursor, 2);
            if (after.isEmpty()) {
                return new Keyset(null, null);
            }
            try {
                return new Keyset(Instant.parse(after.get(0)).atOffset(ZoneOffset.UTC), UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
        }
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
