package dev.rapport.contacts.contact;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.rapport.platform.idempotency.Idempotency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import dev.rapport.contacts.signal.SignalKind;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class ContactResource {
    @Inject
    ContactService service;
    @Inject
    Caller caller;
    @Inject
    ContactSearchQueries search;
    @Inject
    ContactMerge merges;

    @POST
    @Path("contacts")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Create a contact, optionally with contact points")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "422", description = "Unknown organisation")
    public Uni<Response> create(@Valid @NotNull NewContact in,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retry safe: the same key answers the first result")
            String idempotencyKey) {
        return service.create(in, idempotencyKey).map(c -> Response.created(URI.create("/contacts/" + c.id())).entity(c).build());
    }

    @GET
    @Path("contacts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Read a contact with its contact points",
            description = "A merged-away id answers with the contact it was merged into. A contact may read only themselves.")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<ContactView> get(@PathParam("id") UUID id) {
        caller.assertMayActFor(id);
        return service.get(id);
    }

    @PUT
    @Path("contacts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Replace a contact's fields", description = "Send the version you read; a stale one gets 409.")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<ContactView> update(@PathParam("id") UUID id, @Valid @NotNull ContactUpdate in) {
        return service.update(id, in);
    }

    @PUT
    @Path("contacts/{id}/language")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.CONTACT})
    @Operation(summary = "Set the language a person reads",
            description = "A BCP 47 tag (en, fr, ar, fr-CA …), stored in canonical case; null or empty clears it (messages "
                    + "then use the deployment's default). No version needed: the last choice wins. A contact may set only "
                    + "their own (the preference centre).")
    @APIResponse(responseCode = "200", description = "The contact with its new language")
    @APIResponse(responseCode = "400", description = "Not a language tag; the problem names `language`")
    @APIResponse(responseCode = "403", description = "Another person's contact")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<ContactView> setLanguage(@PathParam("id") UUID id, @Valid @NotNull LanguageChoice in) {
        caller.assertMayActFor(id);
        return service.setLanguage(id, in.language());
    }

    @GET
    @Path("contacts")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Search contacts", description = "Filters combine with AND. Ordered by name (or newest first with "
            + "sort=CREATED), ties broken by id; keyset-paged: pass `next` back as `cursor`. Value filters use lifetime spend "
            + "in the configured currency. `ids` (comma-separated, at most 500) serves batched lookups.")
    @APIResponse(responseCode = "400", description = "A filter is malformed; the problem names it")
    public Uni<Page<ContactView>> search(@QueryParam("name") String name, @QueryParam("organisationId") String organisationId,
            @QueryParam("tag") List<String> tags, @QueryParam("stage") String stage, @QueryParam("channel") String channel,
            @QueryParam("provenance") String provenance, @QueryParam("minValue") String minValue,
            @QueryParam("maxValue") String maxValue, @QueryParam("signal") String signal, @QueryParam("owner") String owner,
            @Parameter(description = "Created at or after (ISO-8601)") @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "Created before (ISO-8601)") @QueryParam("createdTo") String createdTo,
            @QueryParam("ids") List<String> ids, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        ContactSearchQueries.Filter f = new ContactSearchQueries.Filter(name, QueryParams.uuid("organisationId", organisationId), tags,
                QueryParams.enumValue(LifecycleStage.class, "stage", stage), QueryParams.enumValue(Channel.class, "channel", channel),
                QueryParams.enumValue(ProvenanceKind.class, "provenance", provenance), QueryParams.decimal("minValue", minValue),
                QueryParams.decimal("maxValue", maxValue),
                QueryParams.enumValue(SignalKind.class, "signal", signal), "me".equals(owner) ? caller.name() : owner,
                QueryParams.instant("createdFrom", createdFrom), QueryParams.instant("createdTo", createdTo),
                ids == null || ids.isEmpty() ? null : QueryParams.uuids("ids", ids, 500),
                QueryParams.enumValue(ContactSearchQueries.Sort.class, "sort", sort));
        return search.search(f, cursor, Cursor.limit(limit, 50, 500));
    }

    @POST
    @Path("contacts/{id}/merge")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(summary = "Merge a duplicate into this contact",
            description = "Every contact point moves with its provenance, the whole timeline and follow-ups move, and the "
                    + "duplicate's id keeps resolving to this contact.")
    @APIResponse(responseCode = "200", description = "The surviving contact")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "422", description = "Unknown or already merged duplicate")
    public Uni<ContactView> merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest in) {
        return merges.merge(id, in).chain(service::get);
    }
}
