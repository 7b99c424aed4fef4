package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** feedback-service reads beyond the consultation loop's main path: single items, who was invited, case outcomes. */
@GraphQLApi
public class FeedbackLookupsGraphQLApi {
    @Inject
    FeedbackClient feedback;
    @Inject
    dev.rapport.gateway.links.LinkRecordChecks linkRecords;
    @Inject
    Caller caller;

    @Description("Who was invited to a consultation, and what consent-service decided for each invitation.")
    public record InvitationConnection(List<Invitation> nodes, List<InvitationEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record InvitationEdge(String cursor, Invitation node) {
    }

    @Query
    @Description("Outcome metrics over the cases opened in [from, to) (default: the last 30 days).")
    @RolesAllowed({ADMIN, AGENT, ANALYST})
    public Uni<CaseMetrics> caseMetrics(Instant from, Instant to) {
        return failed(feedback.caseMetrics(from == null ? null : from.toString(), to == null ? null : to.toString()));
    }

    @Query
    @Description("One \"you said, we did\" action; a contact sees it once it was published to them.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT, CONTACT})
    public Uni<Action> action(@Id @NonNull String id) {
        return linkRecords.action(id).chain(() -> failed(feedback.action(id)));
    }

    @Query
    @Description("One consultation response; a contact sees only its own named responses.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT, CONTACT})
    public Uni<FeedbackResponse> consultationResponse(@Id @NonNull String id) {
        return failed(feedback.response(id));
    }

    @Query
    @Description("Who was invited to a consultation: status PENDING (not decided yet), QUEUED (accepted) or DENIED (with reasons).")
    @RolesAllowed({ADMIN, MARKETER, ANALYST})
    public Uni<InvitationConnection> consultationInvitations(@Id @NonNull String consultationId, MessageStatus status,
            @DefaultValue("20") int first, String after) {
        return failed(feedback.consultationInvitations(consultationId, status == null ? null : status.name(), after,
                        Math.max(1, Math.min(first, 100)))
                .map(p -> Connection.of(p, after, InvitationEdge::new, InvitationConnection::new)));
    }

    @Query
    @Description("The token for an invitation's link (for delivery integrations that render the message).")
    @RolesAllowed({ADMIN, INTEGRATION})
    public Uni<InvitationLink> invitationLink(@Id @NonNull String invitationId) {
        return failed(feedback.invitationLink(invitationId));
    }

    @Query
    @Description("One \"does this work for you?\" follow-up.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<LoopFollowUp> loopFollowUp(@Id @NonNull String id) {
        return failed(feedback.followUp(id));
    }

    @Name("thread")
    @Description("The \"why not\" thread this follow-up was asked in, or the one its NO opened. One feedback-service call "
            + "for every follow-up in the answer.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<Thread>> thread(@Source List<LoopFollowUp> followUps) {
        return byId(followUps, LoopFollowUp::threadId, feedback::threadsByIds, Thread::id);
    }

    @Name("initiative")
    @Description("The initiative the follow-up asks about (its title names it on the person's page). One feedback-service "
            + "call for every follow-up in the answer.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<Consultation.Initiative>> initiative(@Source List<LoopFollowUp> followUps) {
        return byId(followUps, LoopFollowUp::initiativeId, feedback::initiativesByIds, Consultation.Initiative::id);
    }

    /** Each parent's linked record, read for all parents in chunks of 500 ids, one call each; null where none is found. */
    private static <P, T> Uni<List<T>> byId(List<P> parents, Function<P, String> idOf,
            Function<List<String>, Uni<List<T>>> read, Function<T, String> idOfFound) {
        List<String> ids = parents.stream().map(p -> p == null ? null : idOf.apply(p)).toList();
        List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (T) null).toList());
        }
        return failed(Batches.inChunks(distinct, FeedbackClient.MAX_IDS, read).map(found -> {
            Map<String, T> byId = new HashMap<>();
            found.stream().filter(Objects::nonNull).forEach(t -> byId.put(idOfFound.apply(t), t));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        }));
    }

    @Query
    @Description("\"Why not\" threads, oldest activity first (a new message moves a thread to the end, so a list read page "
            + "by page while people write can show one twice); staff filter by consultation and status (OPEN = waiting for "
            + "staff), a contact lists its own (contactId defaults to the caller's).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<Thread.ThreadConnection> whyNotThreads(@Id String consultationId, @Id String contactId,
            ThreadStatus status, @DefaultValue("20") int first, String after) throws AccessDeniedError, InvalidInputError {
        int size = Connection.first(first);
        String from = Connection.after(after);
        String own = caller.ownContactId();
        String who = own != null && contactId == null ? own : contactId;
        caller.assertMayActFor(who);
        return failed(feedback.threads(consultationId, who, Enums.name(status), from, size)
                .map(p -> Connection.of(p, from, Thread.ThreadEdge::new, Thread.ThreadConnection::new)));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}
