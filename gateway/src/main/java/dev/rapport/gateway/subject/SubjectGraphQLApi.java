package dev.rapport.gateway.subject;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.CONTACT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.error.AccessDeniedError;
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
    /** Timelines and ledgers are exported a page at a time up to this many items per list. */
    static final int MAX_ITEMS = 1000;

    @Inject
    ContactsClient contacts;
    @Inject
    ConsentClient consent;
    @Inject
    FeedbackClient feedback;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @Query
    @Description("Everything the services hold about a person, per service, as JSON. A contact may export itself.")
    @RolesAllowed({ADMIN, CONTACT})
    public Uni<PersonalDataExport> exportPersonalData(@Id @NonNull String contactId) throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        String auth = caller.bearer();
        Uni<ServiceData> fromContacts = part(ContactsClient.SERVICE, Uni.combine().all().unis(
                contacts.get(auth, contactId),
                contacts.timeline(auth, contactId, null, null, MAX_ITEMS).onFailure().recoverWithNull(),
                contacts.followUps(auth, contactId, true),
                contacts.values(auth, List.of(contactId)))
                .with(list -> map("contact", list.get(0), "interactions", list.get(1), "followUps", list.get(2),
                        "value", list.get(3))));
        // consent-service has its own data-subject export; the others are gathered from their reads
        Uni<ServiceData> fromConsent = consent.dataExport(auth, contactId)
                .map(data -> new ServiceData(ConsentClient.SERVICE, true, data, null))
                .onFailure().recoverWithItem(t -> new ServiceData(ConsentClient.SERVICE, false, null,
                        failure(ConsentClient.SERVICE, t)));
        Uni<ServiceData> fromFeedback = part(FeedbackClient.SERVICE, Uni.combine().all().unis(
                feedback.cases(auth, contactId, null, null, 100),
                feedback.invitations(auth, contactId, null, 100),
                feedback.followUps(auth, contactId))
                .with(list -> map("cases", list.get(0), "invitations", list.get(1), "loopFollowUps", list.get(2))));
        return Uni.combine().all().unis(fromContacts, fromConsent, fromFeedback).with(ServiceData.class, parts ->
                new PersonalDataExport(contactId, Instant.now(), parts.stream().allMatch(ServiceData::complete), parts));
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private Uni<ServiceData> part(String service, Uni<Map<String, Object>> read) {
        return read.map(data -> {
            try {
                return new ServiceData(service, true, json.writeValueAsString(data), null);
            } catch (Exception e) {
                return new ServiceData(service, false, null, "could not be written as JSON");
            }
        }).onFailure().recoverWithItem(t -> new ServiceData(service, false, null, failure(service, t)));
    }

    @Mutation
    @Description("Erase a person in every service; reports per service what happened. A service that is down is "
            + "retried; success is reported only when a service confirmed it.")
    @RolesAllowed(ADMIN)
    public Uni<ErasureReport> erasePerson(@Id @NonNull String contactId) {
        String auth = caller.bearer();
        List<Uni<ErasureReport.ServiceErasure>> each = new ArrayList<>();
        each.add(erase(ContactsClient.SERVICE, id -> contacts.erase(auth, id), contactId));
        each.add(erase(ConsentClient.SERVICE, id -> consent.erase(auth, id), contactId));
        each.add(erase(FeedbackClient.SERVICE, id -> feedback.erase(auth, id), contactId));
        return Uni.combine().all().unis(each).with(ErasureReport.ServiceErasure.class, results -> new ErasureReport(contactId,
                results.stream().allMatch(r -> r.status().equals("ERASED")), results));
    }

    private static Uni<ErasureReport.ServiceErasure> erase(String service, Function<String, Uni<Void>> call, String id) {
        return call.apply(id)
                .map(x -> new ErasureReport.ServiceErasure(service, "ERASED", null))
                .onFailure().recoverWithItem(t -> t instanceof ProblemResponse p && (p.status() == 404 || p.status() == 405)
                        ? new ErasureReport.ServiceErasure(service, "NOT_SUPPORTED", service + " has no erasure endpoint")
                        : new ErasureReport.ServiceErasure(service, "FAILED", failure(service, t)));
    }

    private static String failure(String service, Throwable t) {
        return t instanceof ProblemResponse p ? service + " refused (" + p.status() + ")" : service + " is unavailable";
    }
}
