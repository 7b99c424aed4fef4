package dev.rapport.consent.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.Decision;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The outreach table as requests see it: a single request's statements (on the caller's transaction, which holds the
 * per-contact lock), the reads of requests, and {@link #view}, the one mapper of an outreach row. Also the
 * {@code outreach:} rows of idempotency_keys, which remember a request's answer.
 */
@ApplicationScoped
public class OutreachQueries {
    static final String COLUMNS = "id, contact_id, purpose, campaign, payload_ref, status, channel, contact_point_id, decision, "
            + "requested_by, created_at, attempts, acknowledged_at, outcome_detail";

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    /** A request's answer remembered under its Idempotency-Key, with the hash of the request that got it. */
    record Remembered(String requestHash, OutreachView response) {
    }

    /** Runs {@code work} in one transaction on one connection. */
    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * The answer remembered under {@code key}, or null. Takes the key's transaction lock first, so a concurrent duplicate
     * waits for the first request to commit and then finds its answer.
     */
    Uni<Remembered> remembered(SqlClient conn, String key) {
        String id = "outreach:" + key;
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(id))
                .chain(() -> conn.preparedQuery("select request_hash, response from idempotency_keys where id = $1").execute(Tuple.of(id)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Remembered(r.getString("request_hash"), read(r.getString("response"), OutreachView.class));
                });
    }

    Uni<Void> remember(SqlClient conn, String key, String requestHash, String response) {
        return conn.preparedQuery("insert into idempotency_keys (id, request_hash, response, created_at) values ($1, $2, $3, now())")
                .execute(Tuple.of("outreach:" + key, requestHash, response)).replaceWithVoid();
    }

    Uni<Boolean> purposeExists(SqlClient conn, String purpose) {
        return conn.preparedQuery("select 1 from purposes where code = $1").execute(Tuple.of(purpose)).map(rows -> rows.size() > 0);
    }

    /** The contact a merged-away id now belongs to; the id itself when it was not merged. */
    Uni<UUID> survivor(SqlClient conn, UUID contactId) {
        return conn.preparedQuery("select survivor_id from contact_merges where merged_contact_id = $1").execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? contactId : rows.iterator().next().getUUID("survivor_id"));
    }

    /** The per-contact lock for the rest of the transaction: requests for one person are decided one after the other. */
    Uni<Void> lockContact(SqlClient conn, UUID contactId) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(lockKey(contactId)))
                .replaceWithVoid();
    }

    /** The advisory lock key of a contact's requests; bulk requests lock the same keys. */
    static String lockKey(UUID contactId) {
        return "outreach:" + contactId;
    }

    /** Stores one decided request. */
    Uni<Void> insert(SqlClient conn, OutreachView v, OutreachRequest in, UUID evidenceEventId, OffsetDateTime notBefore,
            String traceparent) {
        return conn.preparedQuery("insert into outreach (id, contact_id, purpose, requested_channel, requested_point_id, campaign, "
                        + "payload_ref, status, channel, contact_point_id, evidence_event_id, decision, requested_by, created_at, "
                        + "not_before, traceparent) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
                .execute(Tuple.from(Arrays.asList(v.id(), v.contactId(), v.purpose(), nameOf(in.channel()), in.contactPointId(),
                        v.campaign(), v.payloadRef(), v.status().name(), nameOf(v.channel()), v.contactPointId(), evidenceEventId,
                        write(v.decision()), v.requestedBy(), v.createdAt().atOffset(java.time.ZoneOffset.UTC), notBefore,
                        traceparent)))
                .replaceWithVoid();
    }

    /** The request, or null. */
    Uni<OutreachView> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from outreach where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Up to {@code limit} requests older than {@code after}, newest first (ids are time-ordered), filtered. */
    Uni<List<OutreachView>> list(UUID contactId, String campaign, OutreachStatus status, UUID after, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from outreach where ($1::uuid is null or contact_id = $1) "
                        + "and ($2::text is null or campaign = $2) and ($3::text is null or status = $3) "
                        + "and ($4::uuid is null or id < $4) order by id desc limit $5")
                .execute(Tuple.of(contactId, campaign, status == null ? null : status.name(), after, limit))
                .map(this::views);
    }

    /**
     * Each contact's {@code perContact} newest requests older than {@code before} (a request id), in one statement: a
     * window per contact; ordered by contact, newest first.
     */
    Uni<List<OutreachView>> newestOf(List<UUID> contactIds, OutreachStatus status, UUID before, int perContact) {
        return pool.preparedQuery("select " + COLUMNS + " from ("
                        + "select o.*, row_number() over (partition by o.contact_id order by o.id desc) as rn from outreach o "
                        + "where o.contact_id = any($1) and ($2::text is null or o.status = $2) and ($4::uuid is null or o.id < $4)) ranked "
                        + "where rn <= $3 order by contact_id, id desc")
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), status == null ? null : status.name(), perContact, before))
                .map(this::views);
    }

    private List<OutreachView> views(RowSet<Row> rows) {
        List<OutreachView> out = new ArrayList<>();
        rows.forEach(r -> out.add(view(r)));
        return out;
    }

    /** An outreach row selected with {@link #COLUMNS}. */
    OutreachView view(Row r) {
        String channel = r.getString("channel");
        return new OutreachView(r.getUUID("id"), r.getUUID("contact_id"), r.getString("purpose"), r.getString("campaign"),
                r.getString("payload_ref"), OutreachStatus.valueOf(r.getString("status")),
                channel == null ? null : Channel.valueOf(channel), r.getUUID("contact_point_id"),
                read(r.getString("decision"), Decision.class), r.getString("requested_by"),
                r.getOffsetDateTime("created_at").toInstant(), r.getInteger("attempts"),
                r.getOffsetDateTime("acknowledged_at") == null ? null : r.getOffsetDateTime("acknowledged_at").toInstant(),
                r.getString("outcome_detail"));
    }

    static String nameOf(Channel c) {
        return c == null ? null : c.name();
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON not readable", e);
        }
    }
}
