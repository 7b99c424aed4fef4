package dev.rapport.consent.outreach;

import dev.rapport.consent.common.Channel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The outreach table as the delivery queue sees it: leasing the next messages, putting one back or denying it after the
 * re-check, and recording outcomes (at most three statements for any number of acknowledgements). The reactive client
 * directly: this is a hot path polled by every integration.
 */
@ApplicationScoped
public class QueueQueries {
    @Inject
    Pool pool;

    /** Where a message stands when it is acknowledged: its status and its current lease. */
    record Lease(String status, UUID leaseId) {
    }

    /** Runs {@code work} in one transaction on one connection. */
    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Leases up to {@code max} visible messages (of {@code channel}, or any) for {@code visibilitySeconds}, skipping rows
     * another consumer holds, each with its evidence event; in the order the rows came back.
     */
    Uni<List<Delivery>> lease(SqlClient conn, String channel, int max, long visibilitySeconds) {
        return conn.preparedQuery("""
                        with next as (
                          select id from outreach
                          where status in ('QUEUED', 'LEASED') and (status = 'QUEUED' or lease_until < now())
                            and ($1::text is null or channel = $1) and (not_before is null or not_before <= now())
                          order by id
                          limit $2
                          for update skip locked),
                        leased as (
                          update outreach o set status = 'LEASED', lease_id = gen_random_uuid(),
                                 lease_until = now() + make_interval(secs => $3), attempts = o.attempts + 1
                          from next where o.id = next.id
                          returning o.id, o.contact_id, o.purpose, o.channel, o.contact_point_id, o.campaign, o.payload_ref,
                                    o.evidence_event_id, o.lease_id, o.lease_until, o.attempts, o.traceparent)
                        select l.*, e.kind as ev_kind, e.occurred_at as ev_occurred_at, e.source as ev_source,
                               e.lawful_basis as ev_lawful_basis
                        from leased l left join consent_events e on e.id = l.evidence_event_id
                        """).execute(Tuple.of(channel, max, (double) visibilitySeconds))
                .map(rows -> {
                    List<Delivery> leased = new ArrayList<>();
                    for (Row r : rows) {
                        leased.add(delivery(r));
                    }
                    return leased;
                });
    }

    private static Delivery delivery(Row r) {
        UUID evidenceId = r.getUUID("evidence_event_id");
        Delivery.Evidence evidence = evidenceId == null || r.getString("ev_kind") == null ? null
                : new Delivery.Evidence(evidenceId, r.getString("ev_kind"), r.getOffsetDateTime("ev_occurred_at").toInstant(),
                        r.getString("ev_source"), r.getString("ev_lawful_basis"));
        return new Delivery(r.getUUID("id"), r.getUUID("contact_id"), r.getString("purpose"),
                Channel.valueOf(r.getString("channel")), r.getUUID("contact_point_id"), r.getString("campaign"),
                r.getString("payload_ref"), evidenceId, evidence, r.getUUID("lease_id"),
                r.getOffsetDateTime("lease_until").toInstant(), r.getInteger("attempts"), r.getString("traceparent"));
    }

    /** Back in the queue, invisible until {@code until}; the attempt does not count. */
    Uni<Void> holdBack(SqlClient conn, UUID id, Instant until) {
        return conn.preparedQuery("update outreach set status = 'QUEUED', lease_id = null, lease_until = null, not_before = $2, "
                        + "attempts = attempts - 1 where id = $1")
                .execute(Tuple.of(id, until.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    Uni<Void> deny(SqlClient conn, UUID id, String detail) {
        return conn.preparedQuery("update outreach set status = 'DENIED', lease_id = null, lease_until = null, "
                        + "acknowledged_at = now(), outcome_detail = $2 where id = $1")
                .execute(Tuple.of(id, detail)).replaceWithVoid();
    }

    /**
     * Locks the messages for the rest of the transaction, in id order (two consumers acknowledging overlapping sets
     * cannot deadlock), and answers where each stands; an unknown id is absent.
     */
    Uni<Map<UUID, Lease>> lockForOutcomes(SqlClient conn, UUID[] ids) {
        return conn.preparedQuery("select id, status, lease_id from outreach where id = any($1) order by id for update")
                .execute(Tuple.of((Object) ids))
                .map(rows -> {
                    Map<UUID, Lease> current = new HashMap<>();
                    rows.forEach(r -> current.put(r.getUUID("id"), new Lease(r.getString("status"), r.getUUID("lease_id"))));
                    return current;
                });
    }

    /**
     * Records the outcomes in one statement; then, when some bounced, marks their contact points undeliverable in one
     * more: until contacts-service reports a change to the point (FactsService clears the mark), decisions pass it over.
     */
    Uni<Void> recordOutcomes(SqlClient conn, UUID[] ids, String[] outcomes, String[] details, UUID[] bounced) {
        Uni<Void> recorded = conn.preparedQuery("""
                        update outreach o set status = a.outcome, acknowledged_at = now(), outcome_detail = a.detail,
                               lease_until = null
                        from unnest($1::uuid[], $2::text[], $3::text[]) as a(id, outcome, detail) where o.id = a.id
                        """).execute(Tuple.of(ids, outcomes, details)).replaceWithVoid();
        return bounced.length == 0 ? recorded : recorded.chain(() -> conn.preparedQuery("""
                        update contact_point_facts f set undeliverable_at = now(), changed_at = now() from outreach o
                        where o.id = any($1) and f.contact_point_id = o.contact_point_id and f.undeliverable_at is null
                        """).execute(Tuple.of((Object) bounced)).replaceWithVoid());
    }
}
