package dev.rapport.consent.outreach;

import dev.rapport.consent.webhook.OutreachEventQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A bulk outreach chunk's statements, each one for the whole chunk, on the chunk's transaction: lock the contacts,
 * find live requests of the same campaign, store the decided requests (with their outreach.decided events).
 */
@ApplicationScoped
public class BulkOutreachQueries {
    @Inject
    Pool pool;
    @Inject
    OutreachEventQueries events;

    /** A decided request of the chunk, to store. */
    record NewRequest(UUID id, UUID contactId, String status, String channel, UUID contactPointId, UUID evidenceEventId,
            String decision, OffsetDateTime notBefore) {
    }

    /** Runs {@code work} in one transaction on one connection. */
    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Takes the per-contact locks single requests take ({@link OutreachQueries#lockContact}) for the contacts the ids
     * name today (a merged-away id locks its survivor), in key order, so a chunk cannot deadlock with another.
     */
    Uni<Void> lockContacts(SqlClient conn, UUID[] ids) {
        return conn.preparedQuery("select coalesce(m.survivor_id, r.id) as root from unnest($1::uuid[]) as r(id) "
                        + "left join contact_merges m on m.merged_contact_id = r.id").execute(Tuple.of((Object) ids))
                .chain(rows -> {
                    TreeSet<String> keys = new TreeSet<>();
                    rows.forEach(r -> keys.add(OutreachQueries.lockKey(r.getUUID("root"))));
                    return conn.preparedQuery("select pg_advisory_xact_lock(hashtext(k)) from unnest($1::text[]) as t(k) order by k")
                            .execute(Tuple.of((Object) keys.toArray(String[]::new)));
                })
                .replaceWithVoid();
    }

    /** By contact, the live (not denied) request for this campaign and payload that each of them already has. */
    Uni<Map<UUID, UUID>> live(SqlClient conn, UUID[] contactIds, String campaign, String payloadRef) {
        return conn.preparedQuery("select contact_id, id from outreach where contact_id = any($1) and campaign = $2 "
                        + "and payload_ref is not distinct from $3 and status <> 'DENIED'")
                .execute(Tuple.of(contactIds, campaign, payloadRef))
                .map(rows -> {
                    Map<UUID, UUID> found = new HashMap<>();
                    for (Row r : rows) {
                        found.put(r.getUUID("contact_id"), r.getUUID("id"));
                    }
                    return found;
                });
    }

    /** Stores the chunk's requests in one insert, then their outreach.decided events in one more. */
    Uni<Void> insert(SqlClient conn, List<NewRequest> rows, BulkOutreach.Settings s, Instant now, String traceparent) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] id = new UUID[n];
        UUID[] contact = new UUID[n];
        String[] status = new String[n];
        String[] channel = new String[n];
        UUID[] point = new UUID[n];
        UUID[] evidence = new UUID[n];
        String[] decision = new String[n];
        OffsetDateTime[] notBefore = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            NewRequest r = rows.get(i);
            id[i] = r.id();
            contact[i] = r.contactId();
            status[i] = r.status();
            channel[i] = r.channel();
            point[i] = r.contactPointId();
            evidence[i] = r.evidenceEventId();
            decision[i] = r.decision();
            notBefore[i] = r.notBefore();
        }
        return conn.preparedQuery("""
                        insert into outreach (id, contact_id, purpose, requested_channel, campaign, payload_ref, status, channel,
                                              contact_point_id, evidence_event_id, decision, requested_by, created_at, not_before,
                                              traceparent)
                        select t.id, t.contact_id, $8, $9, $10, $11, t.status, t.channel, t.point, t.evidence, t.decision, $12, $13,
                               t.not_before, $15
                        from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                                    $14::timestamptz[])
                             as t(id, contact_id, status, channel, point, evidence, decision, not_before)
                        """)
                .execute(Tuple.from(Arrays.asList(id, contact, status, channel, point, evidence, decision, s.purpose(),
                        s.channel() == null ? null : s.channel().name(), s.campaign(), s.payloadRef(), s.actor(),
                        now.atOffset(ZoneOffset.UTC), notBefore, traceparent)))
                .chain(() -> events.decided(conn, id));
    }
}
