package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The outbox's SQL on the reactive client: the batched append on a caller's transactional connection, and what the
 * relay reads and marks. The relay's statements run in one transaction holding a transaction-scoped advisory lock
 * ({@link #underRelayLock}), so one replica delivers at a time. The Hibernate side of the table is {@link OutboxEvent}.
 */
@ApplicationScoped
public class OutboxQueries {
    private static final long RELAY_LOCK = 0x52415050_4F425831L;

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    /** One batched insert of rows {@link Outbox} built, on the caller's (transactional) connection. */
    Uni<Void> insert(SqlConnection conn, List<OutboxEvent> events) {
        List<Tuple> rows = new ArrayList<>();
        for (OutboxEvent e : events) {
            rows.add(Tuple.from(Arrays.asList(e.eventId, e.contactId, e.eventType, e.payload,
                    e.createdAt.atOffset(ZoneOffset.UTC), e.traceparent)));
        }
        return conn.preparedQuery("""
                insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent)
                values ($1, $2, $3, $4, $5, $6)""")
                .executeBatch(rows).replaceWithVoid();
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
