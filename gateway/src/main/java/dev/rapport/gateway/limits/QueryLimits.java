package dev.rapport.gateway.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.validation.ValidationError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds the alias limit (and the one-argument-set rule for batched fields) to the instrumentation SmallRye builds, so
 * its depth and complexity limits stay in force. Runs before execution: a refused document calls no service.
 */
@ApplicationScoped
public class QueryLimits {
    @Inject
    LimitsConfig config;
    @Inject
    CurrentVertxRequest request;

    void install(@Observes GraphQL.Builder builder) {
        Instrumentation smallRyes = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(smallRyes, new DocumentLimits(config, this::charge))));
    }

    /** What {@link RequestEnvelope} charged this request; null over a WebSocket (subscriptions are not charged). */
    CostBudgets.Charge charge() {
        try {
            RoutingContext ctx = request.getCurrent();
            return ctx == null ? null : ctx.get(RequestEnvelope.CHARGE);
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    static final class DocumentLimits extends SimplePerformantInstrumentation {
        private final LimitsConfig config;
        private final Supplier<CostBudgets.Charge> charge;

        DocumentLimits(LimitsConfig config) {
            this(config, () -> null);
        }

        DocumentLimits(LimitsConfig config, Supplier<CostBudgets.Charge> charge) {
            this.config = config;
            this.charge = charge;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            check(parameters.getDocument());
            return super.beginValidation(parameters, state);
        }

        /**
         * Errors graphql-java raises itself (syntax, validation, SmallRye's depth and complexity aborts) carry no
         * {@code code}; they get one here so every error a caller sees has it.
         */
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            CostBudgets.Charge cost = charge.get();
            ExecutionResult costed = cost == null ? result
                    : result.transform(b -> b.addExtension("cost", RequestEnvelope.costExtension(cost)));
            if (costed.getErrors().stream().allMatch(e -> e.getErrorType() == ErrorType.DataFetchingException || hasCode(e))) {
                return CompletableFuture.completedFuture(costed);
            }
            List<GraphQLError> coded = costed.getErrors().stream()
                    .map(e -> e.getErrorType() == ErrorType.DataFetchingException || hasCode(e) ? e : withCode(e)).toList();
            return CompletableFuture.completedFuture(costed.transform(b -> b.errors(coded)));
        }

        private static boolean hasCode(GraphQLError e) {
            return e.getExtensions() != null && e.getExtensions().get("code") != null;
        }

        static GraphQLError withCode(GraphQLError e) {
            String code = e.getErrorType() == ErrorType.ExecutionAborted
                    || e.getErrorType() == ErrorType.InvalidSyntax && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("more than")
                    ? "limit-exceeded" : "invalid-query";
            Map<String, Object> extensions = new HashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
            extensions.put("code", code);
            extensions.put("classification", String.valueOf(e.getErrorType()));
            return GraphqlErrorBuilder.newError().message(e.getMessage()).locations(e.getLocations()).path(e.getPath())
                    .errorType(e.getErrorType()).extensions(extensions).build();
        }

        void check(Document document) {
            int[] aliases = {0};
            Map<String, Set<String>> arguments = new HashMap<>();
            walk(document, node -> {
                if (node instanceof Field f) {
                    if (f.getAlias() != null) {
                        aliases[0]++;
                    }
                    if (config.singleArgumentFields().contains(f.getName())) {
                        String args = f.getArguments().stream().map(AstPrinter::printAst).sorted().toList().toString();
                        arguments.computeIfAbsent(f.getName(), k -> new HashSet<>()).add(args);
                    }
                }
            });
            if (aliases[0] > config.maxAliases()) {
                throw new LimitAbort("The query has " + aliases[0] + " aliases; at most " + config.maxAliases() + " are allowed");
            }
            arguments.forEach((field, sets) -> {
                if (sets.size() > 1) {
                    throw new LimitAbort("Field " + field + " is resolved for all contacts in one call, so one query may use "
                            + "it with one set of arguments only (for several purposes use decisions(purposes: [...]))");
                }
            });
        }

        private static void walk(Node<?> node, java.util.function.Consumer<Node<?>> visit) {
            visit.accept(node);
            for (Node<?> child : node.getChildren()) {
                walk(child, visit);
            }
        }
    }

    /** A refused document: answered as a GraphQL error with code limit-exceeded, before anything runs. */
    static final class LimitAbort extends AbortExecutionException {
        LimitAbort(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "limit-exceeded");
        }
    }
}
