package dev.rapport.gateway.links;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.security.Caller;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Ignore;

/**
 * Holds a link session to its scope ({@link LinkSessionScope}) for every root operation and every nested
 * {@code Contact} field, before the field's resolver runs: a field outside it is {@code forbidden} with the reason,
 * and nothing is called for it. Other callers pass untouched. Resolvers that need a lookup to tell whether a record is
 * the link's (a consultation, a thread, an action) ask {@link LinkRecordChecks}.
 */
@ApplicationScoped
public class LinkScopeEnforcement {
    static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");
    /** Contact's own fields (name, language, …), which come with the node; the others are fields of their own. */
    static final Set<String> PLAIN_CONTACT_FIELDS = Arrays.stream(Contact.class.getRecordComponents())
            .filter(c -> !c.getAccessor().isAnnotationPresent(Ignore.class) && !ignoredField(c))
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    @Inject
    Caller caller;

    void install(@Observes GraphQL.Builder builder) {
        Instrumentation existing = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(existing, new Scope())));
    }

    private static boolean ignoredField(RecordComponent c) {
        try {
            return Contact.class.getDeclaredField(c.getName()).isAnnotationPresent(Ignore.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    final class Scope extends SimplePerformantInstrumentation {
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            String parent = parameters.getEnvironment().getParentType() instanceof GraphQLNamedType named ? named.getName() : "";
            String field = parameters.getEnvironment().getFieldDefinition().getName();
            boolean root = ROOTS.contains(parent);
            if (!root && !(parent.equals("Contact") && !PLAIN_CONTACT_FIELDS.contains(field))) {
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
