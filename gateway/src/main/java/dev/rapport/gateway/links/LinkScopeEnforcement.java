package dev.rapport.gateway.links;

import java.util.List;
import java.util.Set;

import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.security.Caller;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Holds a link session to its scope ({@link LinkSessionScope}) for every root operation and every nested
 * {@code Contact} field, before the field's resolver runs: a field outside it is {@code forbidden} with the reason,
 * and nothing is called for it. Other callers pass untouched. Resolvers that need a lookup to tell whether a record is
 * the link's (a consultation, a thread, an action) ask {@link LinkRecordChecks}.
 */
@ApplicationScoped
public class LinkScopeEnforcement {
    static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    @Inject
    Caller caller;

    void install(@Observes GraphQL.Builder builder) {
        Instrumentation existing = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(existing, new Scope())));
    }

    /**
     * Contact's own fields (names, language, tags …) are scalars that come with the node; every field of an object type
     * (contact points, consents, decisions, cases …) is a field of its own, fetched from a service.
     */
    static boolean plain(GraphQLFieldDefinition field) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        return type instanceof GraphQLScalarType || type instanceof GraphQLEnumType;
    }

    final class Scope extends SimplePerformantInstrumentation {
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            String parent = parameters.getEnvironment().getParentType() instanceof GraphQLNamedType named ? named.getName() : "";
            GraphQLFieldDefinition definition = parameters.getEnvironment().getFieldDefinition();
            String field = definition.getName();
            boolean root = ROOTS.contains(parent);
            if (!root && !(parent.equals("Contact") && !plain(definition))) {
                return fetcher;
            }
            return env -> {
                LinkSessionScope scope = caller.linkSession();
                if (scope != null) {
                    String refusal = root ? scope.refusal(field, env.getArguments()) : scope.contactFieldRefusal(field);
                    if (refusal != null) {
                        throw new AccessDeniedError(refusal);
                    }
                }
                return fetcher.get(env);
            };
        }
    }
}
