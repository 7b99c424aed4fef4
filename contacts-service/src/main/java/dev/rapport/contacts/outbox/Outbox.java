package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends contact-point changes to the outbox inside the caller's transaction: both commit, or neither. Each row keeps
 * the writing request's traceparent, so the relay's delivery belongs to that request's trace.
 */
@ApplicationScoped
public class Outbox {
    public static final String CONTACT_POINT_CHANGED = "contact-point-changed";

    @Inject
    ObjectMapper json;

    public Uni<Void> append(List<ContactPointChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ContactPointChange c : changes) {
                OutboxEvent e = new OutboxEvent();
                e.eventId = Ids.newId();
                e.contactId = c.contactId();
                e.eventType = CONTACT_POINT_CHANGED;
                e.payload = write(c);
                e.createdAt = Instant.now();
                e.traceparent = TraceContext.current();
                chain = chain.chain(() -> session.persist(e));
            }
            return chain;
        });
    }

    /** The same, for work done on the reactive SQL client: rows written on the caller's (transactional) connection. */
    public Uni<Void> append(SqlConnection conn, List<ContactPointChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String traceparent = TraceContext.current();
        List<Tuple> rows = new ArrayList<>();
        for (ContactPointChange c : changes) {
            rows.add(Tuple.from(java.util.Arrays.asList(Ids.newId(), c.contactId(), CONTACT_POINT_CHANGED, write(c), now, traceparent)));
        }
        return conn.preparedQuery("""
                insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent)
                values ($1, $2, $3, $4, $5, $6)""")
                .executeBatch(rows).replaceWithVoid();
    }

    private String write(ContactPointChange c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
