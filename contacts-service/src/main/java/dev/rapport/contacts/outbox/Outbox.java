package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends contact-point changes (for consent-service) and partner webhook events to the outbox inside the caller's
 * transaction: both commit, or neither. Each row keeps the writing request's traceparent, so the relay's delivery
 * belongs to that request's trace. Every row is built here and written by {@link OutboxQueries#insert}'s one
 * statement, in whichever transaction the change runs: the current Hibernate Reactive one, a reactive SQL client
 * connection, or the import's JDBC connection. Only the import's contact-point rows take another way (COPY, see
 * {@code dev.rapport.contacts.importing.BatchWriter}).
 */
@ApplicationScoped
public class Outbox {
    public static final String CONTACT_POINT_CHANGED = "contact-point-changed";

    @Inject
    ObjectMapper json;
    @Inject
    OutboxQueries queries;

    /** In the current Hibernate Reactive transaction (a {@code @WithTransaction} service method). */
    public Uni<Void> append(List<ContactPointChange> changes) {
        return changes.isEmpty() ? Uni.createFrom().voidItem() : queries.insert(rows(changes));
    }

    /** The same, for work done on the reactive SQL client: rows written on the caller's (transactional) connection. */
    public Uni<Void> append(SqlConnection conn, List<ContactPointChange> changes) {
        return changes.isEmpty() ? Uni.createFrom().voidItem() : queries.insert(conn, rows(changes));
    }

    /** A partner webhook event ({@code dev.rapport.contacts.webhook.ContactEvents}), in the caller's transaction. */
    public Uni<Void> event(String type, UUID contactId, Object data) {
        return queries.insert(List.of(row(type, contactId, data, Instant.now(), TraceContext.current())));
    }

    /** The same on the caller's (transactional) SQL connection. */
    public Uni<Void> event(SqlConnection conn, String type, UUID contactId, Object data) {
        return queries.insert(conn, List.of(row(type, contactId, data, Instant.now(), TraceContext.current())));
    }

    /** The same on a JDBC connection, in its open transaction (an import's last batch); blocks. */
    public void event(Connection jdbc, String type, UUID contactId, Object data) throws SQLException {
        queries.insert(jdbc, List.of(row(type, contactId, data, Instant.now(), TraceContext.current())));
    }

    /**
     * Erasure: deletes the contacts' earlier contact-point events, which carried addresses (a merge's MERGED event
     * carries none and stays), on the caller's (transactional) SQL connection.
     */
    public Uni<Void> forgetAddresses(SqlConnection conn, UUID[] contactIds) {
        return queries.deletePointEvents(conn, contactIds);
    }

    private List<OutboxQueries.NewRow> rows(List<ContactPointChange> changes) {
        Instant now = Instant.now();
        String traceparent = TraceContext.current();
        return changes.stream().map(c -> row(CONTACT_POINT_CHANGED, c.contactId(), c, now, traceparent)).toList();
    }

    private OutboxQueries.NewRow row(String type, UUID contactId, Object payload, Instant now, String traceparent) {
        return new OutboxQueries.NewRow(Ids.newId(), contactId, type, write(payload), now.toString(), traceparent);
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
