package dev.rapport.gateway.error;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ExceptionWhileDataFetching;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.execution.error.GraphQLExceptionWhileDataFetching;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals by {@code @RolesAllowed} are Quarkus security exceptions, whose message SmallRye hides behind the default
 * "Internal error" (it shows messages of checked exceptions only). They get a message that says what happened here;
 * "Internal error" stays for what really is one.
 */
@ApplicationScoped
public class ErrorMessages {
    static final String HIDDEN = "Internal error";

    void install(@Observes GraphQL.Builder builder) {
        Instrumentation current = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(current, new Rewording())));
    }

    /** The message for a refusal SmallRye would show as "Internal error"; null for anything else. */
    static String messageFor(Throwable refusal, String field) {
        String where = field == null ? "this operation" : "`" + field + "`";
        if (refusal instanceof ForbiddenException) {
            return "Forbidden: the roles in your token may not use " + where
                    + " (docs/roles.md lists who may); a contact may act only on its own data";
        }
        if (refusal instanceof UnauthorizedException || refusal instanceof AuthenticationFailedException) {
            return "Unauthorized: " + where + " needs a valid bearer token (Authorization: Bearer …)";
        }
        return null;
    }

    static final class Rewording extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().stream().noneMatch(e -> refusal(e) != null)) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = result.getErrors().stream().map(Rewording::reworded).toList();
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
        }

        /** The security exception behind an error SmallRye gave its default message, or null. */
        private static Throwable refusal(GraphQLError e) {
            if (!(e instanceof ExceptionWhileDataFetching fetching) || !HIDDEN.equals(e.getMessage())) {
                return null;
            }
            for (Throwable t = fetching.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (messageFor(t, null) != null) {
                    return t;
                }
            }
            return null;
        }

        /** The same error (its exception still gives SmallRye the code) with a message saying what happened. */
        private static GraphQLError reworded(GraphQLError e) {
            Throwable refusal = refusal(e);
            if (refusal == null) {
                return e;
            }
            List<Object> path = e.getPath() == null ? List.of() : e.getPath();
            String field = null;
            for (int i = path.size() - 1; i >= 0 && field == null; i--) {
                field = path.get(i) instanceof String s ? s : null;
            }
            SourceLocation location = e.getLocations() == null || e.getLocations().isEmpty() ? null : e.getLocations().get(0);
            return new GraphQLExceptionWhileDataFetching(messageFor(refusal, field), ResultPath.fromList(path),
                    ((ExceptionWhileDataFetching) e).getException(), location);
        }
    }
}
