package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
    @Inject
    OutboxRepository repository;
    @Inject
    OutboxQueries queries;

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
     * Every outbox row is built here, whichever client writes it: {@link OutboxRepository} persists the entity in the
     * caller's Hibernate transaction, {@link OutboxQueries#insert} writes the same fields as one batched insert on the
     * caller's SQL connection.
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
        return events.isEmpty() ? Uni.createFrom().voidItem() : repository.add(rows(events));
    }

    private Uni<Void> insert(SqlConnection conn, List<Pending> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : queries.insert(conn, rows(events));
    }

    private List<OutboxEvent> rows(List<Pending> events) {
        Instant now = Instant.now();
        String traceparent = TraceContext.current();
        return events.stream().map(p -> row(p, now, traceparent)).toList();
    }

    private String write(Object c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
