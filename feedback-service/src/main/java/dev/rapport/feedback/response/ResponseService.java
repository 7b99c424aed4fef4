package dev.rapport.feedback.response;

import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.feedback.consultation.ConsultationStatus;
import dev.rapport.feedback.consultation.Initiative;
import dev.rapport.feedback.consultation.InitiativeRepository;
import dev.rapport.feedback.invitation.Invitation;
import dev.rapport.feedback.invitation.InvitationRepository;
import dev.rapport.feedback.invitation.InvitationTokens;
import dev.rapport.feedback.webhook.FeedbackEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.webhooks.WebhookOutbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class ResponseService {
    @Inject
    ResponseRepository responses;
    @Inject
    ResponseRatingRepository ratings;
    @Inject
    InvitationRepository invitations;
    @Inject
    InitiativeRepository initiatives;
    @Inject
    ConsultationService consultations;
    @Inject
    Idempotency idempotency;
    @Inject
    WebhookOutbox webhooks;

    /**
     * Takes one response per invitation. Everything is checked before anything is written, and the whole response
     * is one transaction: a rejected response leaves no trace and does not use up the invitation.
     */
    @WithTransaction
    public Uni<ResponseView> submit(NewResponse in, Caller caller, String idempotencyKey) {
        return idempotency.once("responses:" + caller.name(), idempotencyKey, in, ResponseView.class, () -> take(in, caller));
    }

    private Uni<ResponseView> take(NewResponse in, Caller caller) {
        boolean anonymous = Boolean.TRUE.equals(in.anonymous());
        if (Boolean.TRUE.equals(in.allowReply()) && !anonymous) {
            throw ProblemException.badField("allowReply", "applies only to anonymous responses");
        }
        return invitation(in, caller).chain(inv -> consultations.require(inv.consultationId).chain(c -> {
            if (c.status != ConsultationStatus.OPEN) {
                return Uni.createFrom().failure(ConsultationService.notOpen(c));
            }
            return initiatives.ofConsultation(c.id);
        }).chain(list -> {
            checkRatings(in.ratings(), list);
            return invitations.markResponded(inv.id);
        }).chain(first -> {
            if (!first) {
                return Uni.createFrom().failure(ProblemException.conflict("already-responded",
                        "This invitation has already been answered"));
            }
            Response r = new Response();
            r.id = Ids.newId();
            r.consultationId = inv.consultationId;
            r.anonymous = anonymous;
            r.contactId = anonymous ? null : inv.contactId;
            r.replyContactId = anonymous && Boolean.TRUE.equals(in.allowReply()) ? inv.contactId : null;
            r.segment = inv.segment == null ? new TreeMap<>() : inv.segment;
            r.submittedAt = Instant.now();
            List<ResponseRating> rows = new ArrayList<>();
            for (NewRating n : in.ratings()) {
                ResponseRating rr = new ResponseRating();
                rr.responseId = r.id;
                rr.initiativeId = n.initiativeId();
                rr.consultationId = r.consultationId;
                rr.bucket = (short) n.bucket().weight;
                rr.comment = n.comment() == null || n.comment().isBlank() ? null : n.comment().strip();
                rows.add(rr);
            }
            return responses.persist(r).chain(() -> ratings.persist(rows)).chain(() -> responses.flush())
                    .call(() -> webhooks.append(FeedbackEvents.RESPONSE_RECEIVED, r.anonymous ? null : r.contactId,
                            FeedbackEvents.ResponseReceived.of(r, inv.id, rows.size())))
                    .map(x -> ResponseView.from(r, rows));
        }));
    }

    @WithSession
    public Uni<ResponseView> get(UUID id, Caller caller) {
        return responses.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Response", id))
                .chain(r -> {
                    if (!caller.isStaff()) {
                        if (r.contactId == null) {
                            return Uni.createFrom().failure(ProblemException.notFound("Response", id));
                        }
                        caller.assertMayActFor(r.contactId);
                    }
                    return ratings.list("responseId", r.id).map(list -> ResponseView.from(r, list));
                });
    }

    private Uni<Invitation> invitation(NewResponse in, Caller caller) {
        boolean byToken = in.invitationToken() != null;
        if (byToken == (in.invitationId() != null)) {
            throw ProblemException.badField("invitationToken", "give either invitationToken or invitationId");
        }
        if (byToken) {
            return invitations.byTokenHash(InvitationTokens.hash(in.invitationToken())).onItem().ifNull()
                    .failWith(() -> ProblemException.badField("invitationToken", "does not match any invitation"));
        }
        return invitations.findById(in.invitationId()).onItem().ifNull()
                .failWith(() -> ProblemException.badField("invitationId", "does not match any invitation"))
                .invoke(inv -> {
                    boolean staffKeying = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AGENT) || caller.hasRole(Roles.MARKETER);
                    if (!staffKeying && !(caller.hasRole(Roles.CONTACT) && caller.contactId().filter(inv.contactId::equals).isPresent())) {
                        throw ProblemException.forbidden("You may only answer your own invitations");
                    }
                });
    }

    private static void checkRatings(List<NewRating> given, List<Initiative> initiatives) {
        Set<UUID> known = new HashSet<>();
        initiatives.forEach(i -> known.add(i.id));
        Set<UUID> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            UUID id = given.get(i).initiativeId();
            if (!known.contains(id)) {
                errors.add(new Problem.FieldError("ratings[" + i + "].initiativeId", "is not an initiative of this consultation"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError("ratings[" + i + "].initiativeId", "rates the same initiative twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Invalid request",
                    errors.size() + " rating(s) are not valid for this consultation", errors);
        }
    }
}
