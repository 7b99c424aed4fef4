package dev.rapport.feedback.followup;

import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
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
public class ThreadService {
    @Inject
    ThreadRepository threads;
    @Inject
    ThreadMessageRepository messages;
    @Inject
    FollowUpRepository followUps;
    @Inject
    Outreach outreach;

    /** A posted message, and the outreach message to send once committed (staff replies only). */
    public record Posted(ThreadView thread, List<UUID> messageIds) {
    }

    /**
     * Staff answer: the thread becomes ANSWERED and, unless told not to, the person is asked again "does this work
     * for you now?" (a new follow-up, sent through outreach). A customer message reopens the thread.
     */
    @WithTransaction
    public Uni<Posted> post(UUID threadId, NewThreadMessage in, Caller caller) {
        return require(threadId).chain(t -> {
            boolean staff = caller.hasRole(Roles.AGENT) || caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.MARKETER);
            if (!staff) {
                caller.assertMayActFor(t.contactId);
            }
            Instant now = Instant.now();
            ThreadMessage m = new ThreadMessage();
            m.id = Ids.newId();
            m.threadId = t.id;
            m.author = staff ? caller.name() : ThreadView.customerAuthor(t);
            m.fromStaff = staff;
            m.body = in.body().strip();
            m.createdAt = now;
            if (!staff) {
                FollowUpService.reopen(t, now);
                return messages.persist(m).chain(() -> view(t, caller)).map(v -> new Posted(v, List.of()));
            }
            t.status = ThreadStatus.ANSWERED;
            t.lastActivity = now;
            if (Boolean.FALSE.equals(in.askAgain())) {
                return messages.persist(m).chain(() -> view(t, caller)).map(v -> new Posted(v, List.of()));
            }
            return followUps.find("initiativeId = ?1 and contactId = ?2 order by askedAt desc, id desc", t.initiativeId, t.contactId)
                    .firstResult().chain(last -> {
                        List<OutreachMessage> out = new ArrayList<>();
                        List<FollowUp> again = new ArrayList<>();
                        if (last != null) {
                            FollowUp f = FollowUp.ask(t.consultationId, t.initiativeId, last.actionId, last.responseId, t.id,
                                    t.contactId, t.anonymous, now);
                            again.add(f);
                            out.add(t.anonymous ? outreach.prepareAnonymous(MessageKind.THREAD_REPLY, f.id, t.contactId)
                                    : outreach.prepare(MessageKind.THREAD_REPLY, f.id, t.contactId, null,
                                            "consultation:" + t.consultationId, "feedback:thread:" + t.id + ":follow-up:" + f.id));
                        }
                        return messages.persist(m).chain(() -> again.isEmpty() ? Uni.createFrom().voidItem() : followUps.persist(again))
                                .chain(() -> outreach.record(out)).chain(() -> view(t, caller))
                                .map(v -> new Posted(v, out.stream().map(o -> o.id).toList()));
                    });
        });
    }

    @WithSession
    public Uni<ThreadView> get(UUID id, Caller caller) {
        return require(id).invoke(t -> caller.assertMayActFor(t.contactId)).chain(t -> view(t, caller));
    }

    /**
     * A page of threads, without their messages (GET /threads/messages reads a bounded page of each), oldest activity
     * first, continued after a keyset cursor (last activity, id). Staff see a thread with an anonymous respondent without its contact,
     * and never when they filter by that contact.
     */
    @WithSession
    public Uni<Page<ThreadView.Summary>> list(UUID consultationId, UUID contactId, ThreadStatus status, List<UUID> ids, String cursor,
            int limit, Caller caller) {
        boolean staff = caller.isStaff();
        Keyset after = Keyset.of(cursor);
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (consultationId != null) {
            params.add(consultationId);
            q.append(" and consultationId = ?").append(params.size());
        }
        if (contactId != null) {
            params.add(contactId);
            q.append(" and contactId = ?").append(params.size());
            if (staff) {
                q.append(" and anonymous = false");
            }
        }
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (ids != null) {
            params.add(ids);
            q.append(" and id in ?").append(params.size());
        }
        if (after.at() != null) {
            params.add(after.at().toInstant());
            params.add(after.id());
            q.append(" and (lastActivity > ?").append(params.size() - 1).append(" or (lastActivity = ?")
                    .append(params.size() - 1).append(" and id > ?").append(params.size()).append("))");
        }
        q.append(" order by lastActivity, id");
        return threads.find(q.toString(), params.toArray()).page(0, limit + 1).list()
                .map(page -> Page.of(page, limit, t -> ThreadView.Summary.from(t, !staff), t -> Keyset.encode(t.lastActivity, t.id)));
    }

    private Uni<ThreadView> view(ConversationThread t, Caller caller) {
        return threads.flush().chain(() -> messages.list("threadId = ?1 order by createdAt, id", t.id))
                .map(ms -> ThreadView.from(t, ms, !caller.isStaff()));
    }

    private Uni<ConversationThread> require(UUID id) {
        return threads.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Thread", id));
    }
}
