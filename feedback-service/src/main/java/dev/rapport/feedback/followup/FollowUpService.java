package dev.rapport.feedback.followup;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpService {
    @Inject
    FollowUpRepository followUps;
    @Inject
    ThreadRepository threads;
    @Inject
    ThreadMessageRepository messages;

    /**
     * Records the answer. NO opens a thread on the initiative with this person, or reopens theirs; YES closes it;
     * PARTLY keeps the "why" in the thread if there is one.
     */
    @WithTransaction
    public Uni<FollowUpView> answer(UUID id, FollowUpAnswer in, Caller caller) {
        return visible(id, caller).chain(f -> {
            caller.assertMayActFor(f.contactId);
            if (f.answer != null) {
                return Uni.createFrom().failure(ProblemException.conflict("already-answered",
                        "This follow-up was answered " + f.answer + " at " + f.answeredAt));
            }
            Instant now = Instant.now();
            f.answer = in.answer();
            f.why = in.why() == null || in.why().isBlank() ? null : in.why().strip();
            f.answeredAt = now;
            return thread(f).chain(t -> {
                if (in.answer() == Answer.NO) {
                    ConversationThread open = t != null ? reopen(t, now) : open(f, now);
                    f.threadId = open.id;
                    return (t == null ? threads.persist(open) : Uni.createFrom().item(open))
                            .chain(x -> messages.persist(customerMessage(open, f, now)));
                }
                if (t == null) {
                    return Uni.createFrom().voidItem();
                }
                f.threadId = t.id;
                t.lastActivity = now;
                if (in.answer() == Answer.YES) {
                    t.status = ThreadStatus.CLOSED;
                    return Uni.createFrom().voidItem();
                }
                return f.why == null ? Uni.createFrom().voidItem() : messages.persist(customerMessage(t, f, now));
            }).call(() -> followUps.flush()).map(x -> FollowUpView.from(f));
        });
    }

    /** A person's follow-ups; those to an anonymous respondent only when the person reads their own. */
    @WithSession
    public Uni<List<FollowUpView>> ofContact(UUID contactId, boolean unansweredOnly, boolean withAnonymous) {
        String q = "contactId = ?1" + (unansweredOnly ? " and answer is null" : "") + (withAnonymous ? "" : " and anonymous = false")
                + " order by id";
        return followUps.list(q, contactId).map(l -> l.stream().map(FollowUpView::from).toList());
    }

    @WithSession
    public Uni<FollowUpView> get(UUID id, Caller caller) {
        return visible(id, caller).invoke(f -> caller.assertMayActFor(f.contactId)).map(FollowUpView::from);
    }

    /**
     * The follow-up, or a 404: one to an anonymous respondent exists only for that person. Staff reading it would learn
     * what the person rated (its initiative) from the outreach request that names it.
     */
    private Uni<FollowUp> visible(UUID id, Caller caller) {
        return followUps.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Follow-up", id))
                .invoke(f -> {
                    if (f.anonymous && caller.isStaff()) {
                        throw ProblemException.notFound("Follow-up", id);
                    }
                });
    }

    /** The person's thread on this initiative, if one was ever opened. */
    private Uni<ConversationThread> thread(FollowUp f) {
        return threads.find("initiativeId = ?1 and contactId = ?2", f.initiativeId, f.contactId).firstResult();
    }

    private static ConversationThread open(FollowUp f, Instant now) {
        ConversationThread t = new ConversationThread();
        t.id = Ids.newId();
        t.consultationId = f.consultationId;
        t.initiativeId = f.initiativeId;
        t.contactId = f.contactId;
        t.anonymous = f.anonymous;
        t.status = ThreadStatus.OPEN;
        t.openedAt = now;
        t.lastActivity = now;
        return t;
    }

    static ConversationThread reopen(ConversationThread t, Instant now) {
        if (t.status != ThreadStatus.OPEN) {
            t.status = ThreadStatus.OPEN;
            t.reopenCount++;
        }
        t.lastActivity = now;
        return t;
    }

    private static ThreadMessage customerMessage(ConversationThread t, FollowUp f, Instant now) {
        ThreadMessage m = new ThreadMessage();
        m.id = Ids.newId();
        m.threadId = t.id;
        m.author = ThreadView.customerAuthor(t);
        m.fromStaff = false;
        m.body = f.why == null ? "" : f.why;
        m.answer = f.answer;
        m.createdAt = now;
        return m;
    }
}
