package dev.rapport.gateway.ledger;

import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.time.Instant;
import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.consent.ConsentEvent;
import dev.rapport.gateway.consent.Decision;
import dev.rapport.gateway.consent.Purpose;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The consent ledger beyond one contact's node: single events, events by filter, chain checks, receipts, decisions as of a time. */
@GraphQLApi
public class LedgerGraphQLApi {
    static final int MAX_EVENTS = 1000;

    @Inject
    ConsentClient consent;
    @Inject
    Caller caller;

    @Query
    @Description("May we contact this person on this channel for this purpose, now or as it stood at `at`? A no lists every "
            + "reason; a yes names the contact point and the evidence event; \"not now\" (quiet hours) says from when "
            + "(notBefore). A contact may ask about itself (the preference centre: may this address of mine be used for this "
            + "purpose, and why not). When consent-service cannot answer, the answer is no with reason consent-unavailable, "
            + "as for Contact.mayContact.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<Decision> decision(@Id @NonNull String contactId, @NonNull String purpose, Channel channel,
            @Id String contactPointId, @Description("Evaluate as of this instant (default now)") Instant at)
            throws dev.rapport.gateway.error.AccessDeniedError {
        caller.assertMayActFor(contactId);
        return consent.decideAt(contactId, purpose, Enums.name(channel), contactPointId, at)
                .onFailure(t -> !(t instanceof ProblemResponse)).recoverWithItem(() -> Decision.unavailable(purpose, channel))
                .onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }

    @Query
    @Description("One ledger event; a contact reads only its own.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<ConsentEvent> consentEvent(@Id @NonNull String id) {
        return failed(consent.consentEvent(id));
    }

    @Query
    @Description("Ledger events by filter (contactId, purpose, recordedAt in [from, to)), oldest first, at most `first` "
            + "(1–1000). Whole-ledger exports: consent-service's streamed GET /consent-events (JSON or CSV).")
    @RolesAllowed({ADMIN, ANALYST})
    public Uni<List<ConsentEvent>> consentEvents(@Id String contactId, String purpose, Instant from, Instant to,
            @DefaultValue("100") int first) {
        int size = Math.max(1, Math.min(first, MAX_EVENTS));
        return failed(consent.consentEvents(contactId, purpose, from, to)
                .map(all -> all.size() > size ? all.subList(0, size) : all));
    }

    @Query
    @Description("Re-compute a contact's hash chain and name the first broken link, if any.")
    @RolesAllowed({ADMIN, AGENT, ANALYST})
    public Uni<ChainVerification> verifyConsentChain(@Id @NonNull String contactId) {
        return failed(consent.verifyChain(contactId));
    }

    @Query
    @Description("The Kantara consent receipt (v1.1 fields) for one ledger event; a contact reads only its own.")
    @RolesAllowed({ADMIN, AGENT, ANALYST, CONTACT})
    public Uni<ConsentReceipt> consentReceipt(@Id @NonNull String eventId) {
        return failed(consent.receipt(eventId));
    }

    @Query
    @Description("The contact points consent-service knows for a person (provenance, given by the person?), never addresses.")
    @RolesAllowed({ADMIN, AGENT, ANALYST, CONTACT})
    public Uni<List<ContactPointFact>> contactPointFacts(@Id @NonNull String contactId) throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        return failed(consent.contactPointFacts(contactId));
    }

    @Query
    @Description("One purpose by code; null when there is none.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<Purpose> purpose(@NonNull String code) {
        return failed(consent.purpose(code));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }
}
