package dev.rapport.contacts.interaction;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.contacts.contact.ContactService;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class InteractionResource {
    @Inject
    InteractionService interactions;
    @Inject
    ContactService contacts;
    @Inject
    Caller caller;

    @POST
    @Path("interactions")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Push one interaction onto a contact's timeline",
            description = "Idempotent on (source, externalId): a retry answers 200 with the interaction already stored.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Already stored (same source and external id)")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "422", description = "No such contact, or the address matches several")
    public Uni<Response> push(@Valid @NotNull NewInteraction in) {
        return interactions.ingest(List.of(in), false).map(r -> Response
                .status(r.get(0).status() == IngestResult.Status.CREATED ? 201 : 200).entity(r.get(0)).build());
    }

    @POST
    @Path("interactions/batch")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Push up to 1000 interactions at once",
            description = "All or nothing: if any item is invalid nothing is stored and the problem names the item "
                    + "(e.g. [3].occurredAt). Items already stored come back as DUPLICATE.")
    @APIResponse(responseCode = "200", description = "One result per item, in order")
    public Uni<List<IngestResult>> pushBatch(
            @NotNull @Size(min = 1, max = InteractionService.MAX_BATCH) List<@NotNull @Valid NewInteraction> in) {
        return interactions.ingest(in, true);
    }

    @GET
    @Path("contacts/{id}/interactions")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "A contact's timeline, newest first", description = "Keyset-paged: pass `next` back as `cursor`.")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<Page<InteractionView>> timeline(@PathParam("id") UUID id, @QueryParam("type") List<String> types,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        caller.assertMayActFor(id);
        List<InteractionType> parsed = types(types);
        int size = Cursor.limit(limit, 50, 500);
        return contacts.resolveId(id).chain(resolved -> interactions.timeline(resolved, parsed, cursor, size));
    }

    @GET
    @Path("by-contact/interactions")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The first page of many contacts' timelines at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500. One entry per distinct id, in the order asked: "
                    + "that contact's `limit` newest interactions (default 20, at most 100) and `next`, the cursor for "
                    + "GET /contacts/{id}/interactions (null on the last page). A cursor given here applies to every contact. "
                    + "One query. A contact may ask only for themselves.")
    @APIResponse(responseCode = "400", description = "A contact id, type, cursor or limit is malformed; the problem names it")
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<InteractionView>>> byContact(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("type") List<String> types, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<UUID> ids = QueryParams.uuids("contactIds", contactIds, PerContact.MAX_IDS);
        caller.assertMayActForAll(ids);
        return interactions.timelines(ids, types(types), cursor, Cursor.limit(limit, 20, 100));
    }

    private static List<InteractionType> types(List<String> types) {
        return types == null ? List.of() : types.stream().map(t -> QueryParams.enumValue(InteractionType.class, "type", t)).toList();
    }
}
