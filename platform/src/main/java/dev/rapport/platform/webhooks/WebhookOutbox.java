package dev.rapport.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.tracing.TraceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes a partner webhook event into the service's transactional {@code outbox} inside the caller's transaction, so
 * the event exists exactly when the change it describes was committed. The dispatcher ({@link WebhookDispatcher})
 * fans it out to the subscriptions later. {@code data} is serialised as the event's {@code data}: ids and what changed,
 * never more personal data than the event needs.
 */
@ApplicationScoped
public class WebhookOutbox {
    private static final String INSERT = "insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent) ";

    @Inject
    ObjectMapper json;

    /** In the current Hibernate Reactive transaction (a {@code @WithTransaction} service method). */
    public Uni<Void> append(String type, UUID contactId, Object data) {
        String payload = write(data);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT
                        + "values (cast(:eventId as uuid), cast(:contactId as uuid), :type, :payload, now(), cast(:traceparent as text))")
                .setParameter("eventId", Ids.newId().toString())
                .setParameter("contactId", contactId == null ? null : contactId.toString())
                .setParameter("type", type)
                .setParameter("payload", payload)
                .setParameter("traceparent", TraceContext.current())
                .executeUpdate()).replaceWithVoid();
    }

    /** On the caller's transactional connection of the reactive SQL client. */
    public Uni<Void> append(SqlConnection conn, String type, UUID contactId, Object data) {
        return conn.preparedQuery(INSERT + "values ($1, $2, $3, $4, now(), $5)")
                .execute(Tuple.from(Arrays.asList(Ids.newId(), contactId, type, write(data), TraceContext.current())))
                .replaceWithVoid();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event could not be written as JSON", e);
        }
    }
}
