package dev.rapport.gateway.limits;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits SmallRye GraphQL does not have. Depth, complexity and token count are SmallRye's own
 * ({@code quarkus.smallrye-graphql.instrumentation-query-depth}, {@code …-complexity}, {@code …parser-max-tokens}).
 */
@ConfigMapping(prefix = "rapport.graphql")
public interface LimitsConfig {
    /** At most this many aliased fields in one document. */
    @WithDefault("30")
    int maxAliases();

    /**
     * Batched Contact fields with arguments. A batch is one call for every contact in the answer, so one query may use
     * each of them with one set of arguments only (ask several purposes through {@code decisions(purposes:)}).
     */
    @WithDefault("mayContact,decisions,timeline,consents,consentLedger,touches,cases,invitations,followUps,ratings,"
            + "consultationResponses")
    Set<String> singleArgumentFields();
}
