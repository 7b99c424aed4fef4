package dev.rapport.gateway.links;

import java.util.List;
import java.util.Objects;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.feedback.LoopFollowUp;
import dev.rapport.gateway.security.Caller;
import dev.rapport.security.links.LinkAction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * For the operations of a link session that name a record the link does not carry, whether it is the link's own: the
 * consultation of the link's invitation, the thread and the action of the link's follow-up. Callers that are not link
 * sessions pass at once; a record that is not the link's is {@code forbidden}.
 */
@ApplicationScoped
public class LinkRecordChecks {
    @Inject
    Caller caller;
    @Inject
    FeedbackClient feedback;

    /** CONSULTATION: the consultation the link's invitation belongs to. */
    public Uni<Void> consultation(String consultationId) {
        LinkSessionScope scope = caller.linkSession();
        if (scope == null) {
            return Uni.createFrom().voidItem();
        }
        if (scope.action() != LinkAction.CONSULTATION) {
            return refuse(scope, "consultation");
        }
        return feedback.invitationsOf(List.of(caller.ownContactId()), null, 100)
                .onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE))
                .chain(pages -> pages.get(0).itemsOrEmpty().stream().anyMatch(i -> scope.ref().equals(i.id())
                        && consultationId.equals(i.consultationId())) ? Uni.createFrom().voidItem()
                        : refuse(scope, "consultation " + consultationId));
    }

    /** FOLLOW_UP: the thread the link's follow-up opened. */
    public Uni<Void> thread(String threadId) {
        return followUpField(threadId, "thread", f -> threadId.equals(f.threadId()) ? Uni.createFrom().voidItem()
                : feedback.thread(threadId).chain(t -> t != null && Objects.equals(t.contactId(), f.contactId())
                        && Objects.equals(t.consultationId(), f.consultationId())
                        && Objects.equals(t.initiativeId(), f.initiativeId())
                        ? Uni.createFrom().voidItem() : refuse(caller.linkSession(), "thread " + threadId)));
    }

    /** FOLLOW_UP: the published action the link's follow-up asks about. */
    public Uni<Void> action(String actionId) {
        return followUpField(actionId, "action", f -> actionId.equals(f.actionId()) ? Uni.createFrom().voidItem()
                : refuse(caller.linkSession(), "action " + actionId));
    }

    private Uni<Void> followUpField(String id, String what, java.util.function.Function<LoopFollowUp, Uni<Void>> check) {
        LinkSessionScope scope = caller.linkSession();
        if (scope == null) {
            return Uni.createFrom().voidItem();
        }
        if (scope.action() != LinkAction.FOLLOW_UP) {
            return refuse(scope, what + " " + id);
        }
        return feedback.followUp(scope.ref())
                .onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE))
                .chain(f -> f == null ? refuse(scope, what + " " + id) : check.apply(f));
    }

    private static Uni<Void> refuse(LinkSessionScope scope, String what) {
        return Uni.createFrom().failure(new AccessDeniedError("A link session opened from a "
                + (scope.action() == null ? "" : scope.action().name() + " ") + "link may not use " + what
                + ": it is not the link's own; log in to do more"));
    }
}
