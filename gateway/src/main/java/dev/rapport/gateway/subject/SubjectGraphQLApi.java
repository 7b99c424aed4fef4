package dev.rapport.gateway.subject;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.CONTACT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Data-subject rights across the suite: export everything held about a person; erase it everywhere. */
@GraphQLApi
public class SubjectGraphQLApi {
    /** What {@code eraseMe} must be given, so that no page erases a person by accident. */
    public static final String ERASE_CONFIRMATION = "ERASE";

    @Inject
    ContactsClient contacts;
    @Inject
    ConsentClient consent;
    @Inject
    FeedbackClient feedback;
    @Inject
    Caller caller;

    @Query
    @Description("Everything the services hold about a person, per service, as JSON (each service's own data-subject "
            + "export, GET /contacts/{id}/data-export). A contact may export itself.")
    @RolesAllowed({ADMIN, CONTACT})
    public Uni<PersonalDataExport> exportPersonalData(@Id @NonNull String contactId) throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        return Uni.combine().all().unis(
                        part(ContactsClient.SERVICE, contacts.dataExport(contactId)),
                        part(ConsentClient.SERVICE, consent.dataExport(contactId)),
                        part(FeedbackClient.SERVICE, feedback.dataExport(contactId)))
                .with(ServiceData.class, parts -> new PersonalDataExport(contactId, Instant.now(),
                        parts.stream().allMatch(ServiceData::complete), parts));
    }

    /** A service's export as it sent it; a 404 means it holds nothing about the person, anything else is incomplete. */
    private static Uni<ServiceData> part(String service, Uni<String> export) {
        return export.map(data -> new ServiceData(service, true, data, null))
                .onFailure(t -> t instanceof ProblemResponse p && p.status() == 404)
                .recoverWithItem(() -> new ServiceData(service, true, null, null))
                .onFailure().recoverWithItem(t -> new ServiceData(service, false, null, failure(service, t)));
    }

    @Mutation
    @Description("Erase a person in every service; reports per service what happened. A service that is down is "
            + "retried; success is reported only when a service confirmed it.")
    @RolesAllowed(ADMIN)
    public Uni<ErasureReport> erasePerson(@Id @NonNull String contactId) throws InvalidInputError {
        InvalidInputError.requireUuid("contactId", contactId);
        return eraseEverywhere(contactId);
    }

    @Mutation
    @Description("\"Erase me\" (the preference centre): the caller, a contact, erases its own data in every service, as "
            + "erasePerson does for an admin. `confirmation` must be exactly \"" + ERASE_CONFIRMATION + "\" (the page asks the "
            + "person to confirm first); anything else is invalid-input naming it and erases nothing. What is kept as proof "
            + "(a PII-free consent ledger, anonymous counts) is listed in docs/gateway.md.")
    @RolesAllowed(CONTACT)
    public Uni<ErasureReport> eraseMe(@NonNull String confirmation) throws AccessDeniedError, InvalidInputError {
        String own = caller.ownContactId();
        if (own == null || own.isEmpty()) {
            throw new AccessDeniedError("The token names no contact (contact_id claim)");
        }
        if (!ERASE_CONFIRMATION.equals(confirmation)) {
            throw new InvalidInputError("confirmation must be exactly " + ERASE_CONFIRMATION + "; nothing was erased", null,
                    null, List.of(new GatewayError.FieldError("confirmation", "must be exactly " + ERASE_CONFIRMATION)));
        }
        return eraseEverywhere(own);
    }

    private Uni<ErasureReport> eraseEverywhere(String contactId) {
        List<Uni<ErasureReport.ServiceErasure>> each = new ArrayList<>();
        each.add(erase(ContactsClient.SERVICE, id -> contacts.erase(id), contactId));
        each.add(erase(ConsentClient.SERVICE, id -> consent.erase(id), contactId));
        each.add(erase(FeedbackClient.SERVICE, id -> feedback.erase(id), contactId));
        return Uni.combine().all().unis(each).with(ErasureReport.ServiceErasure.class, results -> new ErasureReport(contactId,
                results.stream().allMatch(r -> r.status().equals("ERASED") || r.status().equals("NOTHING_HELD")), results));
    }

    private static Uni<ErasureReport.ServiceErasure> erase(String service, Function<String, Uni<Void>> call, String id) {
        return call.apply(id)
                .map(x -> new ErasureReport.ServiceErasure(service, "ERASED", null))
                .onFailure().recoverWithItem(t -> t instanceof ProblemResponse p && p.status() == 404
                        ? new ErasureReport.ServiceErasure(service, "NOTHING_HELD", service + " holds nothing about this contact")
                        : t instanceof ProblemResponse p && p.status() == 405
                        ? new ErasureReport.ServiceErasure(service, "NOT_SUPPORTED", service + " has no erasure endpoint")
                        : new ErasureReport.ServiceErasure(service, "FAILED", failure(service, t)));
    }

    private static String failure(String service, Throwable t) {
        return t instanceof ProblemResponse p ? service + " refused (" + p.status() + ")" : service + " is unavailable";
    }
}
