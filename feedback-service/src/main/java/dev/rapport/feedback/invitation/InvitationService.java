package dev.rapport.feedback.invitation;

import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.feedback.consultation.ConsultationStatus;
import dev.rapport.feedback.outreach.DeliveryView;
import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class InvitationService {
    @Inject
    InvitationRepository invitations;
    @Inject
    ConsultationService consultations;
    @Inject
    InvitationTokens tokens;
    @Inject
    Outreach outreach;
    @Inject
    Pool pool;

    /** What {@link #record} wrote: the counts, and the messages to send once the transaction has committed. */
    public record Recorded(int requested, int invited, int alreadyInvited, List<UUID> messageIds) {
    }

    /** Where an audience came from: a segment and its version, or neither for a list given by the caller. */
    public record Source(UUID segmentId, Integer segmentVersion) {
        static final Source LIST = new Source(null, null);
    }

    /** Records one invitation and one PENDING outreach message per new person, in one transaction. */
    @WithTransaction
    public Uni<Recorded> record(UUID consultationId, InviteRequest in, List<AudienceMember> audience, Source source, String actor) {
        Map<UUID, AudienceMember> unique = new LinkedHashMap<>();
        audience.forEach(m -> unique.putIfAbsent(m.contactId(), m));
        return consultations.require(consultationId).chain(c -> {
            if (c.status != ConsultationStatus.OPEN) {
                return Uni.createFrom().failure(ConsultationService.notOpen(c));
            }
            Uni<List<UUID>> invitedBefore = unique.isEmpty() ? Uni.createFrom().item(List.of())
                    : invitations.alreadyInvited(c.id, unique.keySet());
            return invitedBefore.chain(existing -> {
                Set<UUID> skip = new HashSet<>(existing);
                List<Invitation> created = new ArrayList<>();
                List<OutreachMessage> messages = new ArrayList<>();
                Instant now = Instant.now();
                for (AudienceMember m : unique.values()) {
                    if (skip.contains(m.contactId())) {
                        continue;
                    }
                    Invitation i = new Invitation();
                    i.id = Ids.newId();
                    i.consultationId = c.id;
                    i.contactId = m.contactId();
                    i.segment = segment(in.attributes(), m.attributes());
                    i.segmentRef = in.segmentRef();
                    i.segmentId = source.segmentId();
                    i.segmentVersion = source.segmentVersion();
                    i.tokenHash = InvitationTokens.hash(tokens.tokenFor(i.id));
                    i.createdAt = now;
                    i.createdBy = actor;
                    created.add(i);
                    messages.add(outreach.prepare(MessageKind.INVITATION, i.id, i.contactId, in.channel(),
                            "consultation:" + c.id, "feedback:invitation:" + i.id));
                }
                return (created.isEmpty() ? Uni.createFrom().voidItem() : invitations.persist(created))
                        .chain(() -> outreach.record(messages))
                        .map(x -> new Recorded(audience.size(), created.size(), skip.size(),
                                messages.stream().map(msg -> msg.id).toList()));
            });
        });
    }

    @WithSession
    public Uni<InvitationLink> link(UUID invitationId) {
        return invitations.findById(invitationId).onItem().ifNull().failWith(() -> ProblemException.notFound("Invitation", invitationId))
                .map(i -> new InvitationLink(i.id, i.consultationId, tokens.tokenFor(i.id)));
    }

    /**
     * Invitations with what consent-service decided. Read with SQL: it joins the outreach ledger, which no entity
     * of this feature owns.
     */
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

    static Map<String, String> segment(Map<String, String> common, Map<String, String> own) {
        Map<String, String> s = new TreeMap<>();
        if (common != null) {
            s.putAll(common);
        }
        if (own != null) {
            s.putAll(own);
        }
        return s;
    }

    private static UUID parse(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}
