package dev.rapport.consent.webhook;

import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * {@code outreach.decided}: one outbox event per stored outreach request, written on the transaction that stored them
 * (single and bulk alike, one statement for any number). The data is the decision without its free-text details:
 * {@code outreachId}, {@code contactId}, {@code purpose}, {@code campaign}, {@code status} (QUEUED or DENIED),
 * {@code allowed}, {@code reasons} (codes), {@code channel}, {@code contactPointId}, {@code notBefore}.
 */
@ApplicationScoped
public class OutreachEventQueries {

    public Uni<Void> decided(SqlClient conn, UUID... outreachIds) {
        if (outreachIds.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                        insert into outbox (event_id, contact_id, event_type, payload, created_at, traceparent)
                        select gen_random_uuid(), o.contact_id, '%s', json_strip_nulls(json_build_object(
                                   'outreachId', o.id, 'contactId', o.contact_id, 'purpose', o.purpose, 'campaign', o.campaign,
                                   'status', o.status, 'allowed', (o.decision::jsonb ->> 'allowed')::boolean,
                                   'reasons', coalesce((select json_agg(r ->> 'code')
                                                        from jsonb_array_elements(o.decision::jsonb -> 'reasons') r), '[]'::json),
                                   'channel', o.channel, 'contactPointId', o.contact_point_id,
                                   'notBefore', to_char(o.not_before at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text,
                               now(), $2
                        from outreach o where o.id = any($1) order by o.id""".formatted(ConsentEvents.OUTREACH_DECIDED))
                .execute(Tuple.of(outreachIds, TraceContext.current())).replaceWithVoid();
    }
}
