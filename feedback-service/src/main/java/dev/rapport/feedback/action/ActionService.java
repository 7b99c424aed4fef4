package dev.rapport.feedback.action;

import dev.rapport.feedback.consultation.ConsultationStatus;
import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.feedback.consultation.InitiativeRepository;
import dev.rapport.feedback.followup.FollowUp;
import dev.rapport.feedback.followup.FollowUpRepository;
import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActionService {
    @Inject
    ActionRepository actions;
    @Inject
    InitiativeRepository initiatives;
    @Inject
    ConsultationService consultations;
    @Inject
    FollowUpRepository followUps;
    @Inject
    Outreach outreach;

    /** What publishing recorded; the messages are sent after the transaction commits. */
    public record Published(Action action, int recipients, int unreachableAnonymous, List<UUID> messageIds) {
    }

    @WithTransaction
    public Uni<ActionView> create(NewAction in, String actor) {
        if (in.decision() == Decision.WONT_DO && (in.reason() == null || in.reason().isBlank())) {
            throw ProblemException.badField("reason", "is required when the decision is WONT_DO");
        }
        return initiatives.findById(in.initiativeId()).onItem().ifNull().failWith(() -> new ProblemException(422,
                        "unknown-initiative", "Rule violated", "Initiative " + in.initiativeId() + " does not exist",
                        List.of(new Problem.FieldError("initiativeId", "does not exist"))))
                .chain(i -> consultations.require(i.consultationId).chain(c -> {
                    if (c.status == ConsultationStatus.DRAFT) {
                        return Uni.createFrom().failure(ProblemException.rule("consultation-not-open",
                                "Consultation " + c.id + " is still a draft; nobody has rated anything yet"));
                    }
                    Action a = new Action();
                    a.id = Ids.newId();
                    a.consultationId = c.id;
                    a.initiativeId = i.id;
                    a.decision = in.decision();
                    a.description = in.description().strip();
                    a.reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().strip();
                    a.createdBy = actor;
                    a.createdAt = Instant.now();
                    return actions.persist(a).map(ActionView::from);
                }));
    }

    /**
     * Publishes the action to exactly the people who rated its initiative: named respondents, and anonymous ones
     * who left a reply channel. Each gets a follow-up ("does this work for you?") and one outreach message.
     */
    @WithTransaction
    public Uni<Published> publish(UUID actionId, String actor) {
        return require(actionId).chain(a -> {
            if (a.publishedAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict("already-published",
                        "Action " + a.id + " was published at " + a.publishedAt));
            }
            a.publishedAt = Instant.now();
            a.publishedBy = actor;
            return raters(a.initiativeId).chain(raters -> {
                List<FollowUp> asks = new ArrayList<>();
                List<OutreachMessage> messages = new ArrayList<>();
                int anonymous = 0;
                for (Object[] r : raters) {
                    UUID responseId = (UUID) r[0];
                    UUID contactId = (UUID) r[1];
                    boolean anonymousRater = Boolean.TRUE.equals(r[2]);
                    if (contactId == null) {
                        anonymous++;
                        continue;
                    }
                    FollowUp f = FollowUp.ask(a.consultationId, a.initiativeId, a.id, responseId, null, contactId,
                            anonymousRater, a.publishedAt);
                    asks.add(f);
                    messages.add(anonymousRater ? outreach.prepareAnonymous(MessageKind.ACTION_NOTICE, f.id, contactId)
                            : outreach.prepare(MessageKind.ACTION_NOTICE, f.id, contactId, null,
                                    "consultation:" + a.consultationId, "feedback:action:" + a.id + ":follow-up:" + f.id));
                }
                int unreachable = anonymous;
                return (asks.isEmpty() ? Uni.createFrom().voidItem() : followUps.persist(asks))
                        .chain(() -> outreach.record(messages))
                        .map(x -> new Published(a, asks.size(), unreachable, messages.stream().map(m -> m.id).toList()));
            });
        });
    }

    @WithSession
    public Uni<ActionView> get(UUID id) {
        return require(id).map(ActionView::from);
    }

    @WithSession
    public Uni<List<ActionView>> ofConsultation(UUID consultationId) {
        return actions.list("consultationId = ?1 order by id", consultationId)
                .map(l -> l.stream().map(ActionView::from).toList());
    }

    private Uni<Action> require(UUID id) {
        return actions.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Action", id));
    }

    /** [response id, contact to tell (null: anonymous without a reply channel), anonymous] for everyone who rated it. */
    private Uni<List<Object[]>> raters(UUID initiativeId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select r.id, case when r.anonymous then r.replyContactId else r.contactId end, r.anonymous "
                                + "from Response r where r.id in (select rr.responseId from ResponseRating rr where rr.initiativeId = :i) "
                                + "order by r.id", Object[].class)
                .setParameter("i", initiativeId).getResultList());
    }
}
