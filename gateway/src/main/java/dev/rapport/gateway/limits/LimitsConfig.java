package dev.rapport.gateway.limits;

import java.util.Optional;
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
            + "consultationResponses,loopFollowUps")
    Set<String> singleArgumentFields();

    /** Per-caller cost budgets (docs/gateway.md "Cost limits"). */
    Cost cost();

    /** Automatic persisted queries and trusted documents (docs/gateway.md "Persisted queries"). */
    PersistedQueries persistedQueries();

    interface Cost {
        /** Each caller's budget: at most this many points, refilled at this rate per minute. */
        @WithDefault("20000")
        int pointsPerMinute();
    }

    interface PersistedQueries {
        /**
         * Only documents listed in the manifest run (trusted documents); a request naming or sending anything else is
         * refused before it is parsed, and automatic registration is off.
         */
        @WithDefault("false")
        boolean trustedOnly();

        /** An Apollo persisted-query manifest (JSON: {@code operations[].id} = SHA-256 of {@code body}), read at start. */
        Optional<String> manifest();

        /** Documents registered by hash (automatic persisted queries) remembered at most. */
        @WithDefault("2000")
        int maxDocuments();

        /** Longer documents are parsed for each request and never registered. */
        @WithDefault("100000")
        int maxDocumentLength();
    }
}
