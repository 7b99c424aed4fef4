package dev.rapport.feedback.invitation;

import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.feedback.consultation.ConsultationStatus;
import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
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
    InvitationQueries queries;

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

    /** Invitations with what consent-service decided ({@link InvitationQueries}). */
    public Uni<Page<InvitationView>> list(UUID consultationId, UUID contactId, String status, String cursor, int limit) {
        return queries.list(consultationId, contactId, status, cursor, limit);
    }

    @WithSession
    public Uni<InvitationLink> link(UUID invitationId) {
        return invitations.findById(invitationId).onItem().ifNull().failWith(() -> ProblemException.notFound("Invitation", invitationId))
                .map(i -> new InvitationLink(i.id, i.consultationId, tokens.tokenFor(i.id)));
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
}
