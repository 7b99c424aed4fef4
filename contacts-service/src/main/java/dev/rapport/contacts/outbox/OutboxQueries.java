package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The outbox table's SQL, and its only mapping: the one insert every writer uses, and what the relay reads and marks.
 *
 * <p>The insert is one statement whatever the number of rows and whichever transaction it joins: the rows travel as
 * one JSON array, so the same text runs as a native query in the caller's Hibernate Reactive transaction, on the
 * caller's reactive SQL client connection (a merge, an erasure) and on the import's JDBC connection; only the
 * parameter marker differs. The rows keep the order given (the identity {@code seq} orders events per contact).
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive for the relay: its statements run in one transaction
 * holding a transaction-scoped advisory lock ({@link #underRelayLock}), so one replica delivers at a time, and it
 * marks a whole batch with one set-based update ({@code where seq = any($1)}); there is no benchmark figure for it.
 */
@ApplicationScoped
public class OutboxQueries {
    private static final long RELAY_LOCK = 0x52415050_4F425831L;
    /**
     * %s is the parameter marker of the client that runs it; its one parameter is a JSON array of {@link NewRow}, sent
     * as text (the reactive client would send a string bound straight to a json parameter as one JSON string).
     */
    private static final String INSERT = """
            insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent)
            select cast(r->>'eventId' as uuid), cast(r->>'contactId' as uuid), r->>'type', r->>'payload',
                   cast(r->>'createdAt' as timestamptz), r->>'traceparent'
            from json_array_elements(cast(cast(%s as text) as json)) with ordinality as t(r, ord)
            order by ord""";
    private static final String INSERT_REACTIVE = INSERT.formatted("$1");
    private static final String INSERT_HIBERNATE = INSERT.formatted(":rows");
    private static final String INSERT_JDBC = INSERT.formatted("?");

    /**
     * The COPY target of the import's contact-point events: the columns its COPY text carries, in order (event id,
     * contact id, type, payload, created at; no traceparent, an import runs outside any request's trace).
     */
    public static final String COPY_TARGET = "outbox (event_id, contact_id, event_type, payload, created_at)";

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    /** A row {@link Outbox} built: {@code createdAt} is an ISO-8601 instant, {@code contactId} and {@code traceparent} may be null. */
    record NewRow(UUID eventId, UUID contactId, String type, String payload, String createdAt, String traceparent) {
    }

    /** In the current Hibernate Reactive transaction. */
    Uni<Void> insert(List<NewRow> rows) {
        String array = array(rows);
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_HIBERNATE).setParameter("rows", array).executeUpdate())
                .replaceWithVoid();
    }

    /** On the caller's (transactional) reactive SQL client connection. */
    Uni<Void> insert(SqlConnection conn, List<NewRow> rows) {
        return conn.preparedQuery(INSERT_REACTIVE).execute(Tuple.of(array(rows))).replaceWithVoid();
    }

    /** On a JDBC connection, in its open transaction; blocks. */
    void insert(Connection jdbc, List<NewRow> rows) throws SQLException {
        try (PreparedStatement s = jdbc.prepareStatement(INSERT_JDBC)) {
            s.setString(1, array(rows));
            s.executeUpdate();
        }
    }

    private String array(List<NewRow> rows) {
        ArrayNode array = json.createArrayNode();
        for (NewRow r : rows) {
            array.addObject().put("eventId", r.eventId().toString())
                    .put("contactId", r.contactId() == null ? null : r.contactId().toString())
                    .put("type", r.type()).put("payload", r.payload()).put("createdAt", r.createdAt())
                    .put("traceparent", r.traceparent());
        }
        try {
            return json.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the contact-point events of these contacts, but for a merge's MERGED events (they carry no address). */
    Uni<Void> deletePointEvents(SqlConnection conn, UUID[] contactIds) {
        return conn.preparedQuery("delete from outbox where contact_id = any($1) and event_type = $2 "
                        + "and payload not like '%\"MERGED\"%'")
                .execute(Tuple.of(contactIds, Outbox.CONTACT_POINT_CHANGED)).replaceWithVoid();
    }

    /** Runs {@code work} in a transaction holding the relay's lock; answers {@code whenHeld} if another replica has it. */
    <T> Uni<T> underRelayLock(Function<SqlConnection, Uni<T>> work, T whenHeld) {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ") as locked").execute()
                .chain(lock -> lock.iterator().next().getBoolean("locked") ? work.apply(conn) : Uni.createFrom().item(whenHeld)));
    }

    /** The oldest undelivered events of {@code type}, at most {@code limit}, in outbox order. */
    Uni<List<OutboxMessage>> undelivered(SqlConnection conn, String type, int limit) {
        return conn.preparedQuery("""
                select seq, event_id, event_type, payload, created_at, traceparent from outbox
                where delivered_at is null and event_type = $2 order by seq limit $1""")
                .execute(Tuple.of(limit, type)).map(rows -> {
                    List<OutboxMessage> batch = new ArrayList<>();
                    rows.forEach(r -> batch.add(message(r)));
                    return batch;
                });
    }

    Uni<Void> markDelivered(SqlConnection conn, List<Long> seqs) {
        return conn.preparedQuery("update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Counts the attempt and keeps why it failed (at most 500 characters). */
    Uni<Void> markFailed(SqlConnection conn, List<Long> seqs, String why) {
        return conn.preparedQuery("update outbox set attempts = attempts + 1, last_error = $2 where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new), why.length() > 500 ? why.substring(0, 500) : why))
                .replaceWithVoid();
    }

    private OutboxMessage message(Row r) {
        try {
            return new OutboxMessage(r.getUUID("event_id"), r.getLong("seq"), r.getString("event_type"),
                    r.getOffsetDateTime("created_at").toInstant(), json.readTree(r.getString("payload")), r.getString("traceparent"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable outbox payload at seq " + r.getLong("seq"), e);
        }
    }
}
