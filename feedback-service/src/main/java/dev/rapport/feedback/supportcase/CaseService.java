package dev.rapport.feedback.supportcase;

import dev.rapport.feedback.outreach.MessageKind;
import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachMessage;
import dev.rapport.feedback.webhook.FeedbackEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.webhooks.WebhookOutbox;
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
public class CaseService {
    @Inject
    CaseRepository cases;
    @Inject
    CaseEventRepository events;
    @Inject
    Outreach outreach;
    @Inject
    WebhookOutbox webhooks;

    /** A changed case, and any outreach message to send once committed. */
    public record Changed(CaseView view, List<UUID> messageIds) {
    }

    @WithTransaction
    public Uni<CaseView> open(NewCase in, Caller caller) {
        caller.assertMayActFor(in.contactId());
        SupportCase c = new SupportCase();
        c.id = Ids.newId();
        c.contactId = in.contactId();
        c.problem = in.problem().strip();
        c.channel = in.channel();
        c.openedAt = in.openedAt() == null ? Instant.now() : in.openedAt();
        c.assignee = blank(in.assignee());
        c.status = CaseStatus.OPEN;
        c.createdBy = caller.name();
        CaseEvent e = event(c, "OPENED", caller.name(), null, c.openedAt);
        return cases.persist(c).chain(() -> events.persist(e)).chain(() -> view(c));
    }

    @WithTransaction
    public Uni<CaseView> assign(UUID id, Assignment in, Caller caller) {
        return require(id).chain(c -> {
            c.assignee = in.assignee().strip();
            return events.persist(event(c, "ASSIGNED", caller.name(), "to " + c.assignee
                    + (in.note() == null ? "" : ": " + in.note().strip()), Instant.now())).chain(() -> view(c));
        });
    }

    /** Staff mark it resolved; it counts as resolved only once the customer confirms. */
    @WithTransaction
    public Uni<Changed> resolve(UUID id, Resolution in, Caller caller) {
        return require(id).chain(c -> {
            if (c.status != CaseStatus.OPEN) {
                return Uni.createFrom().failure(ProblemException.rule("case-not-open", "Case " + c.id + " is " + c.status));
            }
            Instant now = in.resolvedAt() == null ? Instant.now() : in.resolvedAt();
            if (now.isBefore(c.openedAt)) {
                return Uni.createFrom().failure(ProblemException.badField("resolvedAt", "must not be before the case was opened"));
            }
            c.status = CaseStatus.RESOLVED;
            c.resolvedAt = now;
            // first-contact resolution only if it never needed a second go
            c.resolvedOnFirstContact = Boolean.TRUE.equals(in.onFirstContact()) && c.reopenCount == 0;
            List<OutreachMessage> ask = new ArrayList<>();
            if (!Boolean.FALSE.equals(in.askCustomer())) {
                UUID askId = Ids.newId();
                ask.add(outreach.prepare(MessageKind.CASE_CONFIRMATION, askId, c.contactId, null, "case:" + c.id,
                        "feedback:case:" + c.id + ":confirmation:" + askId));
            }
            return events.persist(event(c, "RESOLVED", caller.name(), in.note().strip(), now))
                    .chain(() -> outreach.record(ask)).chain(() -> view(c))
                    .map(v -> new Changed(v, ask.stream().map(m -> m.id).toList()));
        });
    }

    /** The customer's word: CONFIRMED closes it; NOT_RESOLVED reopens it. */
    @WithTransaction
    public Uni<CaseView> confirm(UUID id, Confirmation in, Caller caller) {
        return require(id).chain(c -> {
            caller.assertMayActFor(c.contactId);
            if (c.status != CaseStatus.RESOLVED) {
                return Uni.createFrom().failure(ProblemException.rule("case-not-resolved",
                        "Case " + c.id + " is " + c.status + "; only a resolved case can be confirmed or rejected"));
            }
            Instant now = Instant.now();
            String note = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
            if (in.outcome() == Confirmation.Outcome.CONFIRMED) {
                c.status = CaseStatus.CONFIRMED;
                c.confirmedAt = now;
                return events.persist(event(c, "CONFIRMED", caller.name(), note, now))
                        .call(() -> webhooks.append(FeedbackEvents.CASE_CONFIRMED, c.contactId, FeedbackEvents.CaseConfirmed.of(c)))
                        .chain(() -> view(c));
            }
            reopen(c);
            return events.persist(event(c, "NOT_RESOLVED", caller.name(), note, now))
                    .call(() -> announceReopened(c, FeedbackEvents.ReopenCause.NOT_RESOLVED)).chain(() -> view(c));
        });
    }

    /** The problem came back after it was confirmed (or staff reopen it): counts as a reopen. */
    @WithTransaction
    public Uni<CaseView> reopen(UUID id, Reopening in, Caller caller) {
        return require(id).chain(c -> {
            caller.assertMayActFor(c.contactId);
            if (c.status == CaseStatus.OPEN) {
                return Uni.createFrom().failure(ProblemException.rule("case-open", "Case " + c.id + " is already open"));
            }
            reopen(c);
            return events.persist(event(c, "REOPENED", caller.name(), in.note().strip(), Instant.now()))
                    .call(() -> announceReopened(c, FeedbackEvents.ReopenCause.REOPENED)).chain(() -> view(c));
        });
    }

    @WithSession
    public Uni<CaseView> get(UUID id, Caller caller) {
        return require(id).invoke(c -> caller.assertMayActFor(c.contactId)).chain(this::view);
    }

    @WithSession
    public Uni<Page<CaseView>> list(UUID contactId, List<UUID> contactIds, CaseStatus status, String assignee, String cursor,
            int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (contactId != null) {
            params.add(contactId);
            q.append(" and contactId = ?").append(params.size());
        }
        if (!contactIds.isEmpty()) {
            params.add(contactIds);
            q.append(" and contactId in ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (assignee != null) {
            params.add(assignee);
            q.append(" and assignee = ?").append(params.size());
        }
        if (!after.isEmpty()) {
            try {
                params.add(UUID.fromString(after.get(0)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
            q.append(" and id > ?").append(params.size());
        }
        q.append(" order by id");
        return cases.find(q.toString(), params.toArray()).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, c -> CaseView.from(c, null), c -> Cursor.encode(c.id)));
    }

    private Uni<Void> announceReopened(SupportCase c, FeedbackEvents.ReopenCause cause) {
        return webhooks.append(FeedbackEvents.CASE_REOPENED, c.contactId, FeedbackEvents.CaseReopened.of(c, cause));
    }

    private static void reopen(SupportCase c) {
        c.status = CaseStatus.OPEN;
        c.reopenCount++;
        c.resolvedAt = null;
        c.confirmedAt = null;
        c.resolvedOnFirstContact = false;
    }

    private Uni<SupportCase> require(UUID id) {
        return cases.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Case", id));
    }

    private Uni<CaseView> view(SupportCase c) {
        return cases.flush().chain(() -> events.list("caseId = ?1 order by at, id", c.id)).map(h -> CaseView.from(c, h));
    }

    private static CaseEvent event(SupportCase c, String type, String actor, String note, Instant at) {
        CaseEvent e = new CaseEvent();
        e.id = Ids.newId();
        e.caseId = c.id;
        e.at = at;
        e.type = type;
        e.status = c.status.name();
        e.actor = actor;
        e.note = note;
        return e;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
