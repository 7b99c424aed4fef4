package dev.rapport.gateway.contact;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.contact.Connections.ContactConnection;
import dev.rapport.gateway.contact.Connections.InteractionConnection;
import dev.rapport.gateway.contact.Connections.OrganisationConnection;
import dev.rapport.gateway.contact.Connections.SignalConnection;
import dev.rapport.gateway.contact.Connections.ContactEdge;
import dev.rapport.gateway.contact.Connections.InteractionEdge;
import dev.rapport.gateway.contact.Connections.OrganisationEdge;
import dev.rapport.gateway.contact.Connections.SignalEdge;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.NotFoundError;
import dev.rapport.gateway.error.RateLimitedError;
import dev.rapport.gateway.limits.CostBudgets;
import dev.rapport.gateway.security.Caller;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Contacts, organisations, timeline, value and signals (contacts-service). */
@GraphQLApi
public class ContactGraphQLApi {
    /** What one poll of importProgress costs: an importJob query's cost. */
    static final int SUBSCRIPTION_POLL_COST = 2;

    @Inject
    ContactsClient service;
    @Inject
    Caller caller;
    @Inject
    FieldsAhead fieldsAhead;
    @Inject
    CostBudgets budgets;
    @ConfigProperty(name = "rapport.subscriptions.import-progress-interval", defaultValue = "PT1S")
    Duration importProgressInterval;

    // --- queries ---------------------------------------------------------------------------------------------------

    @Query
    @Description("One contact. A contact-role caller may ask only for itself.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<Contact> contact(@Id @NonNull String id) throws AccessDeniedError {
        caller.assertMayActFor(id);
        Uni<Contact> contact = failed(service.get(id));
        fieldsAhead.startFor(id);
        return contact;
    }

    @Query
    @Description("The caller's own contact (preference centre): the contact named by the token's contact_id claim.")
    @RolesAllowed(CONTACT)
    public Uni<Contact> me() throws AccessDeniedError {
        String own = ownContact();
        Uni<Contact> contact = failed(service.get(own));
        fieldsAhead.startFor(own);
        return contact;
    }

    @Query
    @Description("Search contacts; filters combine with AND. Cursor paging: pass pageInfo.endCursor as `after`.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<ContactConnection> contacts(Inputs.ContactFilter filter, @DefaultValue("20") int first, String after)
            throws InvalidInputError {
        return failed(service.search(filter, after, pageSize(first))
                .map(p -> Connection.of(p, after, ContactEdge::new, ContactConnection::new)));
    }

    @Query
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<Organisation> organisation(@Id @NonNull String id) {
        return failed(service.organisation(id));
    }

    @Query
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<OrganisationConnection> organisations(String name, @DefaultValue("20") int first, String after)
            throws InvalidInputError {
        return failed(service.organisations(name, after, pageSize(first))
                .map(p -> Connection.of(p, after, OrganisationEdge::new, OrganisationConnection::new)));
    }

    @Query
    @Description("Signals due, most urgent first; owner \"me\" for the caller's own contacts.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<SignalConnection> signalsDue(String owner, SignalKind kind, @DefaultValue("20") int first, String after)
            throws InvalidInputError {
        return failed(service.signalsDue(owner, Enums.name(kind), after, pageSize(first))
                .map(p -> Connection.of(p, after, SignalEdge::new, SignalConnection::new)));
    }

    @Query
    @Description("Progress of a CSV import (upload the file to contacts-service POST /imports; poll this every few "
            + "seconds until COMPLETED or FAILED).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<ImportJob> importJob(@Id @NonNull String id) {
        return failed(service.importJob(id));
    }

    @Subscription
    @Description("Progress of a CSV import, pushed over a WebSocket on the GraphQL path (graphql-transport-ws or graphql-ws; "
            + "send the token as connection_init payload {\"Authorization\": \"Bearer …\"} or on the upgrade request): the "
            + "job as it is now, then each time it changes, ending after COMPLETED or FAILED. An unknown id ends with not-found.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Multi<ImportJob> importProgress(@Id @NonNull String id) {
        String payer = caller.payer();
        // the polls run on a timer, outside any request: the subscriber's token is read now and given to each poll
        String bearer = caller.bearer();
        return Multi.createBy().repeating()
                .uni(() -> charged(payer).chain(() -> service.importJobFor(bearer, id)).onItem().ifNull()
                        .failWith(() -> new NotFoundError("Import " + id + " does not exist")))
                .withDelay(importProgressInterval)
                .whilst(job -> !ImportJob.isFinished(job.status()))
                .skip().repetitions()
                .onFailure().transform(e -> e instanceof GatewayError ? e : Downstream.toGraphQL(ContactsClient.SERVICE).apply(e));
    }

    /**
     * A subscription pays per poll, as a query pays per request: a caller over its budget is refused, so a flood of
     * subscriptions costs its owner what the same polling over HTTP would.
     */
    private Uni<Void> charged(String payer) {
        CostBudgets.Charge charge = budgets.charge(payer, SUBSCRIPTION_POLL_COST);
        return charge.allowed() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new RateLimitedError("Over your budget of " + charge.limit()
                        + " query-cost points per minute (each poll of a subscription costs " + SUBSCRIPTION_POLL_COST
                        + "): subscribe again after " + charge.retryAfterSeconds() + " s"));
    }

    @Query
    @Description("The rows an import could not take, by line.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<ImportJob.ImportErrorConnection> importErrors(@Id @NonNull String id, @DefaultValue("50") int first,
            String after) throws InvalidInputError {
        return failed(service.importErrors(id, after, pageSize(first))
                .map(p -> p == null ? null : Connection.of(p, after, ImportJob.ImportErrorEdge::new, ImportJob.ImportErrorConnection::new)));
    }

    @Query
    @Description("What became of each row of an import, by line (CREATED, MATCHED, UPDATED with what it filled, or ERROR), "
            + "optionally only one outcome: e.g. the contacts an UPSERT import updated.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<ImportJob.ImportRowConnection> importRows(@Id @NonNull String id, ImportRowOutcome outcome,
            @DefaultValue("50") int first, String after) throws InvalidInputError {
        return failed(service.importRows(id, Enums.name(outcome), after, pageSize(first))
                .map(p -> p == null ? null : Connection.of(p, after, ImportJob.ImportRowEdge::new, ImportJob.ImportRowConnection::new)));
    }

    // --- Contact fields: one call per field for the whole list where contacts-service has a bulk endpoint ----------

    @Description("Ways to reach the person, each with its provenance (given by the person, imported, enrichment, inferred). "
            + "One GET /contact-points?contactIds= call for a list; a single contact carries them already.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<List<ContactPoint>>> contactPoints(@Source List<Contact> contacts) {
        if (contacts.stream().allMatch(c -> c.contactPoints() != null)) {
            return Uni.createFrom().item(contacts.stream().map(Contact::contactPoints).toList());
        }
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS, chunk -> service.contactPointsOf(chunk)));
    }

    @Description("Lifetime and trailing-12-month spend (one GET /values call for every contact in the answer).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<Value>> value(@Source List<Contact> contacts) {
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS, chunk -> service.values(chunk)));
    }

    @Description("Behavioural lead score (one GET /lead-scores call for every contact in the answer).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<LeadScore>> leadScore(@Source List<Contact> contacts) {
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS, chunk -> service.leadScoresOf(chunk)));
    }

    @Description("Signals active now (one GET /by-contact/signals call for every contact in the answer).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<List<Signal>>> signals(@Source List<Contact> contacts) {
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS, chunk -> service.signalsOf(chunk)));
    }

    @Description("Follow-ups the person asked for (one GET /by-contact/follow-ups call for every contact in the answer).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<List<FollowUp>>> followUps(@Source List<Contact> contacts, @DefaultValue("false") boolean includeCompleted) {
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS,
                chunk -> service.followUpsOf(chunk, includeCompleted)));
    }

    @Description("The interaction timeline, newest first, as a connection per contact (each has its own cursor). One "
            + "GET /by-contact/interactions call for every contact in the answer; `after` applies to each of them.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<InteractionConnection>> timeline(@Source List<Contact> contacts, @DefaultValue("20") int first,
            String after, List<InteractionType> types) throws InvalidInputError {
        int size = pageSize(first);
        String from = Connection.after(after);
        return failed(Batches.inChunks(ids(contacts), ContactsClient.MAX_IDS,
                        chunk -> service.timelinesOf(chunk, Enums.names(types), from, size))
                .map(pages -> Connection.each(pages, from, InteractionEdge::new, InteractionConnection::new)));
    }

    @Description("The contact's organisation (one GET /organisations?ids= call for every organisation in the answer).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    @Name("organisation")
    public Uni<List<Organisation>> organisationOf(@Source List<Contact> contacts) {
        List<String> orgIds = contacts.stream().map(Contact::organisationId).filter(Objects::nonNull).distinct().toList();
        if (orgIds.isEmpty()) {
            return Uni.createFrom().item(contacts.stream().map(c -> (Organisation) null).toList());
        }
        return failed(Batches.inChunks(orgIds, ContactsClient.MAX_IDS, chunk -> service.organisationsOf(chunk))
                .map(found -> {
                    Map<String, Organisation> byId = new HashMap<>();
                    found.stream().filter(Objects::nonNull).forEach(o -> byId.put(o.id(), o));
                    return contacts.stream().map(c -> c.organisationId() == null ? null : byId.get(c.organisationId()))
                            .toList();
                }));
    }

    // --- mutations -------------------------------------------------------------------------------------------------

    @Mutation
    @Description("Create a contact (with contact points). Pass idempotencyKey when you may retry.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<Contact> createContact(@NonNull Inputs.NewContact input, String idempotencyKey) {
        return failed(service.create(idempotencyKey, input));
    }

    @Mutation
    @Description("Change a contact; pass the version you read (a stale one is a conflict).")
    @RolesAllowed({ADMIN, AGENT, MARKETER})
    public Uni<Contact> updateContact(@Id @NonNull String id, @NonNull Inputs.ContactUpdate input) {
        return failed(service.update(id, input));
    }

    @Mutation("setMyLanguage")
    @Description("The preference centre: set the language the caller (a contact) reads, a BCP 47 tag such as en, fr, ar "
            + "or fr-CA (stored in canonical case); null clears it (the deployment's default applies). A tag that is not "
            + "one is invalid-input naming `language`.")
    @RolesAllowed(CONTACT)
    public Uni<Contact> setMyLanguage(String language) throws AccessDeniedError {
        return failed(service.setLanguage(ownContact(), language));
    }

    @Mutation
    @Description("Merge a duplicate into this contact; contact points keep their provenance.")
    @RolesAllowed({ADMIN, AGENT})
    public Uni<Contact> mergeContacts(@Id @NonNull String id, @NonNull Inputs.Merge input) {
        return failed(service.merge(id, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<ContactPoint> addContactPoint(@Id @NonNull String contactId, @NonNull Inputs.NewContactPoint input) {
        return failed(service.addContactPoint(contactId, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<ContactPoint> updateContactPoint(@Id @NonNull String contactId, @Id @NonNull String contactPointId,
            @NonNull Inputs.ContactPointUpdate input) {
        return failed(service.updateContactPoint(contactId, contactPointId, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER})
    public Uni<Boolean> removeContactPoint(@Id @NonNull String contactId, @Id @NonNull String contactPointId) {
        return failed(service.removeContactPoint(contactId, contactPointId).replaceWith(true));
    }

    @Mutation
    @Description("Record an interaction; (source, externalId) makes a retried push a no-op (status DUPLICATE).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<IngestResult> pushInteraction(@NonNull Inputs.NewInteraction input) {
        return failed(service.pushInteraction(input));
    }

    @Mutation
    @Description("Record up to 1000 interactions in one call; one result per input, in order.")
    @RolesAllowed({ADMIN, INTEGRATION})
    public Uni<List<IngestResult>> pushInteractions(@NonNull List<Inputs.@NonNull NewInteraction> inputs) {
        return failed(service.pushInteractions(inputs));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<Organisation> createOrganisation(@NonNull Inputs.Organisation input) {
        return failed(service.createOrganisation(input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<Organisation> updateOrganisation(@Id @NonNull String id, @NonNull Inputs.Organisation input) {
        return failed(service.updateOrganisation(id, input));
    }

    @Mutation
    @Description("\"Call me back in June about X\". A contact may add one for itself.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, CONTACT})
    public Uni<FollowUp> addFollowUp(@Id @NonNull String contactId, @NonNull Inputs.NewFollowUp input)
            throws AccessDeniedError {
        caller.assertMayActFor(contactId);
        return failed(service.addFollowUp(contactId, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER})
    public Uni<FollowUp> completeFollowUp(@Id @NonNull String contactId, @Id @NonNull String followUpId) {
        return failed(service.completeFollowUp(contactId, followUpId));
    }

    @Mutation
    @Description("Mark a signal as acted on.")
    @RolesAllowed({ADMIN, AGENT, MARKETER})
    public Uni<Boolean> acknowledgeSignal(@Id @NonNull String contactId, @NonNull SignalKind kind) {
        return failed(service.acknowledgeSignal(contactId, kind.name()).replaceWith(true));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String ownContact() throws AccessDeniedError {
        String own = caller.ownContactId();
        if (own == null || own.isEmpty()) {
            throw new AccessDeniedError("The token names no contact (contact_id claim)");
        }
        return own;
    }

    static List<String> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    static int pageSize(int first) throws InvalidInputError {
        return Connection.first(first);
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE));
    }
}
