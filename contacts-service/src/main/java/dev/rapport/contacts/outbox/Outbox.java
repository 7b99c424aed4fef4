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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends contact-point changes (for consent-service) and partner webhook events to the outbox inside the caller's
 * transaction: both commit, or neither. Each row keeps
 * the writing request's traceparent, so the relay's delivery belongs to that request's trace.
 */
@ApplicationScoped
public class Outbox {
    public static final String CONTACT_POINT_CHANGED = "contact-point-changed";

    @Inject
    ObjectMapper json;

    public Uni<Void> append(List<ContactPointChange> changes) {
        return persist(changes.stream().map(c -> new Pending(CONTACT_POINT_CHANGED, c.contactId(), c)).toList());
    }

    /** The same, for work done on the reactive SQL client: rows written on the caller's (transactional) connection. */
    public Uni<Void> append(SqlConnection conn, List<ContactPointChange> changes) {
        return insert(conn, changes.stream().map(c -> new Pending(CONTACT_POINT_CHANGED, c.contactId(), c)).toList());
    }

    /** A partner webhook event ({@code dev.rapport.contacts.webhook.ContactEvents}), in the caller's transaction. */
    public Uni<Void> event(String type, UUID contactId, Object data) {
        return persist(List.of(new Pending(type, contactId, data)));
    }

    /** The same on the caller's (transactional) SQL connection. */
    public Uni<Void> event(SqlConnection conn, String type, UUID contactId, Object data) {
        return insert(conn, List.of(new Pending(type, contactId, data)));
    }

    private record Pending(String type, UUID contactId, Object payload) {
    }

    /**
     * Every outbox row is built here, whichever client writes it: the entity through the caller's Hibernate session,
     * or the same fields as one batched insert on the caller's SQL connection.
     */
    private OutboxEvent row(Pending p, Instant now, String traceparent) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = Ids.newId();
        e.contactId = p.contactId();
        e.eventType = p.type();
        e.payload = write(p.payload());
        e.createdAt = now;
        e.traceparent = traceparent;
        return e;
    }

    private Uni<Void> persist(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.current();
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Pending p : events) {
                OutboxEvent e = row(p, now, traceparent);
                chain = chain.chain(() -> session.persist(e)); // in order: the identity seq orders events per contact
            }
            return chain;
        });
    }

    private Uni<Void> insert(SqlConnection conn, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.current();
        List<Tuple> rows = new ArrayList<>();
        for (Pending p : events) {
            OutboxEvent e = row(p, now, traceparent);
            rows.add(Tuple.from(java.util.Arrays.asList(e.eventId, e.contactId, e.eventType, e.payload,
                    e.createdAt.atOffset(ZoneOffset.UTC), e.traceparent)));
        }
        return conn.preparedQuery("""
                insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent)
                values ($1, $2, $3, $4, $5, $6)""")
                .executeBatch(rows).replaceWithVoid();
    }

    private String write(Object c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
