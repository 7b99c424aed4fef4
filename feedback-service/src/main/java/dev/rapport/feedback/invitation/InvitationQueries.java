package dev.rapport.feedback.invitation;

import dev.rapport.feedback.outreach.DeliveryView;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Invitations as the API lists them, with their message's delivery: SQL, because the list joins the outreach ledger,
 * which no entity of this feature owns. {@link #view} is the one mapper of such a row (the by-contact reads use it too).
 */
@ApplicationScoped
public class InvitationQueries {
    @Inject
    Pool pool;

    /** Invitations with what consent-service decided, filtered by whichever of the arguments are given. */
    public Uni<Page<InvitationView>> list(UUID consultationId, UUID contactId, String status, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select i.id, i.consultation_id, c.title, i.contact_id, i.segment, i.segment_ref, "
                + "i.segment_id, i.segment_version, "
                + "i.responded, i.created_at, m.id as message_id, m.status, m.reasons, m.outreach_request_id, m.decided_at, m.attempts "
                + "from invitations i join consultations c on c.id = i.consultation_id "
                + "left join outreach_messages m on m.subject_id = i.id and m.kind = 'invitation' where true");
        if (consultationId != null) {
            params.add(consultationId);
            sql.append(" and i.consultation_id = $").append(params.size());
        }
        if (contactId != null) {
            params.add(contactId);
            sql.append(" and i.contact_id = $").append(params.size());
        }
        if (status != null) {
            params.add(status);
            sql.append(" and m.status = $").append(params.size());
        }
        if (!after.isEmpty()) {
            params.add(parse(after.get(0)));
            sql.append(" and i.id > $").append(params.size());
        }
        params.add(limit + 1);
        sql.append(" order by i.id limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<InvitationView> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(view(r));
            }
            return Page.of(out, limit, v -> v, v -> Cursor.encode(v.id()));
        });
    }

    public static InvitationView view(Row r) {
        DeliveryView delivery = r.getUUID("message_id") == null ? null : new DeliveryView(r.getUUID("message_id"),
                r.getString("status"), reasons(r.getArrayOfStrings("reasons")), r.getUUID("outreach_request_id"),
                r.getOffsetDateTime("decided_at") == null ? null : r.getOffsetDateTime("decided_at").toInstant(),
                r.getInteger("attempts"));
        Map<String, String> segment = new TreeMap<>();
        Object seg = r.getValue("segment");
        if (seg instanceof JsonObject o) {
            o.forEach(e -> segment.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return new InvitationView(r.getUUID("id"), r.getUUID("consultation_id"), r.getString("title"), r.getUUID("contact_id"),
                segment, r.getString("segment_ref"), r.getUUID("segment_id"), r.getInteger("segment_version"), r.getBoolean("responded"), r.getOffsetDateTime("created_at").toInstant(),
                delivery);
    }

    public static List<String> reasons(String[] codes) {
        return codes == null ? List.of() : List.of(codes);
    }

    private static UUID parse(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}
