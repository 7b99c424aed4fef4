package dev.rapport.gateway.consent;

import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.outreach.OutreachGraphQLApi.OutreachConnection;
import dev.rapport.gateway.outreach.OutreachGraphQLApi.OutreachEdge;
import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.common.Ahead;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Consents, the person's policy, decisions and touches (consent-service). */
@GraphQLApi
public class ConsentGraphQLApi {
    @Inject
    ConsentClient consent;
    @Inject
    Caller caller;
    @Inject
    Ahead ahead;

    public record ConsentEventConnection(List<ConsentEvent> nodes, List<ConsentEventEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ConsentEventEdge(String cursor, ConsentEvent node) {
    }

    // --- Contact fields --------------------------------------------------------------------------------------------

    @Description("Consents in force now (or as of `at`): one state per scope, with the ledger event that decides it. "
            + "One GET /consents?contactIds= call for every contact in the answer.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<List<ConsentState>>> consents(@Source List<Contact> contacts, Instant at) {
        List<String> ids = ids(contacts);
        // a single contact (a contact-role caller reading itself) uses the per-contact endpoint it is allowed
        return ahead.orCall("consents", ids, Arrays.asList(at), () -> failed(ids.size() == 1
                ? consent.consents(ids.get(0), at).map(Collections::singletonList)
                : Batches.inChunks(ids, ConsentClient.MAX_IDS, chunk -> consent.consentsOf(chunk, at))));
    }

    @Description("The person's contact policy (preferred channels, quiet hours, frequency cap, do-not-contact). "
            + "One GET /policies?contactIds= call for every contact in the answer.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<Policy>> policy(@Source List<Contact> contacts) {
        List<String> ids = ids(contacts);
        return ahead.orCall("policy", ids, List.of(), () -> failed(ids.size() == 1
                ? consent.policy(ids.get(0)).map(Collections::singletonList)
                : Batches.inChunks(ids, ConsentClient.MAX_IDS, chunk -> consent.policiesOf(chunk))));
    }

    @Description("The append-only consent ledger, newest first (one GET /by-contact/consent-events call for every "
            + "contact in the answer). A ledger's cursor is a place in that person's own chain, so `after` is for one "
            + "contact only (contact(id) or me); with several it is invalid-input.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<ConsentEventConnection>> consentLedger(@Source List<Contact> contacts, @DefaultValue("50") int first,
            String after) throws InvalidInputError {
        int size = Math.max(1, Math.min(first, 1000));
        String from = Connection.after(after);
        return failed(Batches.inChunks(ids(contacts), ConsentClient.MAX_IDS, chunk -> consent.ledgersOf(chunk, from, size))
                .map(pages -> Connection.each(pages, from, ConsentEventEdge::new, ConsentEventConnection::new)));
    }

    @Description("Outreach requests for the person and what became of them (DELIVERED ones are touches), newest first, "
            + "as a connection per person. One GET /by-contact/outreach-requests call for every contact in the answer; "
            + "`after` applies to each of them.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<OutreachConnection>> touches(@Source List<Contact> contacts, OutreachStatus status,
            @DefaultValue("20") int first, String after) throws InvalidInputError {
        int size = Connection.first(first);
        String from = Connection.after(after);
        return failed(Batches.inChunks(ids(contacts), ConsentClient.MAX_IDS,
                        chunk -> consent.touchesOf(chunk, Enums.name(status), from, size))
                .map(pages -> Connection.each(pages, from, OutreachEdge::new, OutreachConnection::new)));
    }

    @Description("May we contact this person for this purpose (on this channel, or any channel the person prefers) now? "
            + "One streamed consent-service call for every contact in the answer. When consent-service cannot answer, "
            + "the answer is no with reason consent-unavailable. To ask several purposes at once use `decisions`. A contact "
            + "asks about itself only.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Decision>> mayContact(@Source List<Contact> contacts, @NonNull String purpose, Channel channel) {
        List<String> ids = ids(contacts);
        return ahead.orCall("mayContact", ids, Arrays.asList(purpose, channel), () -> decide(ids, purpose, channel));
    }

    @Description("Decisions for several purposes at once (one streamed consent-service call per purpose), each with every "
            + "reason. A contact asks about itself only (the preference centre: what may be used, and why not).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<List<Decision>>> decisions(@Source List<Contact> contacts, @NonNull List<@NonNull String> purposes,
            Channel channel) {
        List<String> ids = ids(contacts);
        return ahead.orCall("decisions", ids, Arrays.asList(purposes, channel), () -> decideAll(ids, purposes, channel));
    }

    private Uni<List<List<Decision>>> decideAll(List<String> ids, List<String> purposes, Channel channel) {
        List<Uni<List<Decision>>> perPurpose = purposes.stream().map(p -> decide(ids, p, channel)).toList();
        if (perPurpose.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> List.<Decision>of()).toList());
        }
        return Uni.combine().all().unis(perPurpose).with(results -> {
            List<List<Decision>> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                List<Decision> forContact = new ArrayList<>(purposes.size());
                for (Object r : results) {
                    forContact.add(((List<Decision>) r).get(i));
                }
                out.add(forContact);
            }
            return out;
        });
    }

    private Uni<List<Decision>> decide(List<String> ids, String purpose, Channel channel) {
        Uni<List<Decision>> decided = ids.size() == 1
                ? consent.decide(ids.get(0), purpose, Enums.name(channel)).map(List::of)
                : consent.decideAll(ids, purpose, Enums.name(channel));
        return decided
                .map(list -> list.stream().map(d -> d == null ? Decision.unavailable(purpose, channel) : d).toList())
                .onFailure(t -> !(t instanceof ProblemResponse))
                .recoverWithItem(() -> ids.stream().map(id -> Decision.unavailable(purpose, channel)).toList())
                .onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }

    // --- queries and mutations -------------------------------------------------------------------------------------

    @Query
    @Description("Purposes outreach may be for (newsletter, survey, …) with their default lawful basis.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Purpose>> purposes() {
        return failed(consent.purposes());
    }

    @Mutation
    @Description("Append a consent event (grant, withdraw, deny, object). A contact may record only its own.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION, CONTACT})
    public Uni<ConsentEvent> recordConsent(@Id @NonNull String contactId, @NonNull Inputs.ConsentEventInput input)
            throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        return failed(consent.record(contactId, input));
    }

    @Mutation("setPolicy")
    @Description("Replace the person's contact policy. A contact may change only its own.")
    @RolesAllowed({ADMIN, AGENT, CONTACT})
    public Uni<Policy> setPolicy(@Id @NonNull String contactId, @NonNull Inputs.PolicyInput input) throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        return failed(consent.putPolicy(contactId, input));
    }

    @Mutation
    @RolesAllowed(ADMIN)
    public Uni<Purpose> createPurpose(@NonNull Inputs.PurposeInput input) {
        return failed(consent.createPurpose(input));
    }

    @Mutation
    @RolesAllowed(ADMIN)
    public Uni<Purpose> updatePurpose(@NonNull String code, @NonNull Inputs.PurposeInput input) {
        return failed(consent.replacePurpose(code, input));
    }

    @Mutation
    @Description("Ask to reach a person; decided first, queued only when allowed. Without an idempotencyKey the gateway "
            + "makes one, so its own retries never queue twice.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<Touch> requestOutreach(@NonNull Inputs.OutreachInput input, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? "gateway-" + UUID.randomUUID() : idempotencyKey;
        return failed(consent.requestOutreach(key, input));
    }

    private static List<String> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }
}
