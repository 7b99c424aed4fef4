package dev.rapport.gateway.feedback;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

/**
 * The lists nested in a thread, a case and a consultation, as connections: one feedback-service bulk call per field
 * for every parent in the answer (500 parents per call), each parent's page read by keyset cursor with its count in
 * the same statement. {@code after} is a position in the list's order and applies to every parent of the batch.
 */
@GraphQLApi
public class FeedbackNestedGraphQLApi {
    @Inject
    FeedbackClient feedback;

    @Name("messages")
    @Description("The thread's messages, oldest first (one GET /threads/messages call for every thread in the answer; "
            + "`after` applies to each). A contact reads only their own threads; staff see an anonymous respondent's "
            + "messages signed \"contact\".")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<Thread.MessageConnection>> messages(@Source List<Thread> threads, @DefaultValue("20") int first,
            String after) throws InvalidInputError {
        return nested(threads, Thread::id, Connection.after(after), Connection.first(first), feedback::threadMessages,
                Thread.MessageEdge::new, Thread.MessageConnection::new);
    }

    @Name("history")
    @Description("The case's steps (opened, assigned, resolved, confirmed, reopened), oldest first (one GET /cases/history "
            + "call for every case in the answer; `after` applies to each).")
    @RolesAllowed({ADMIN, AGENT, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<SupportCase.CaseEventConnection>> history(@Source List<SupportCase> cases, @DefaultValue("20") int first,
            String after) throws InvalidInputError {
        return nested(cases, SupportCase::id, Connection.after(after), Connection.first(first), feedback::caseHistory,
                SupportCase.CaseEventEdge::new, SupportCase.CaseEventConnection::new);
    }

    @Name("initiatives")
    @Description("The consultation's initiatives in list order (one GET /consultations/initiatives call for every "
            + "consultation in the answer; `after` applies to each). A consultation may have more than 100: page on with "
            + "`after` while pageInfo.hasNextPage.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT, INTEGRATION, CONTACT})
    public Uni<List<Consultation.InitiativeConnection>> initiatives(@Source List<Consultation> consultations,
            @DefaultValue("100") int first, String after) throws InvalidInputError {
        return nested(consultations, Consultation::id, Connection.after(after), Connection.first(first), feedback::initiatives,
                Consultation.InitiativeEdge::new, Consultation.InitiativeConnection::new);
    }

    /** A bulk read of feedback-service: (token, parent ids, cursor, limit) → one page per parent, in order. */
    private interface ByParent<T> {
        Uni<List<NestedPage<T>>> read(List<String> parentIds, String cursor, Integer limit);
    }

    private <P, T, E, C> Uni<List<C>> nested(List<P> parents, Function<P, String> idOf, String after, int size, ByParent<T> read,
            BiFunction<String, T, E> edge, Connection.Shape<T, E, C> shape) {
        List<String> ids = parents.stream().map(p -> p == null ? null : idOf.apply(p)).toList();
        List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (C) null).toList());
        }
        return Batches.inChunks(distinct, FeedbackClient.MAX_IDS, chunk -> read.read(chunk, after, size))
                .map(found -> NestedPage.inOrder(ids.stream().map(id -> id == null ? "" : id).toList(), found).stream()
                        .map(p -> p.connection(after, edge, shape)).toList())
                .onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}
