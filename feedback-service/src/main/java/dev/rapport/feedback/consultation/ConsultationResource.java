package dev.rapport.feedback.consultation;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.paging.PerParent;
import dev.rapport.platform.web.QueryParams;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/consultations")
public class ConsultationResource {
    @Inject
    ConsultationService service;
    @Inject
    InitiativeQueries initiatives;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Create a consultation (a draft) with its initiatives")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    public Uni<Response> create(@Valid @NotNull NewConsultation in) {
        return service.create(in, caller.name())
                .map(c -> Response.created(URI.create("/consultations/" + c.id())).entity(c).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT})
    @Operation(summary = "List consultations, newest first")
    @APIResponse(responseCode = "400", description = "Bad cursor, limit or status")
    public Uni<Page<ConsultationView>> list(@QueryParam("status") ConsultationStatus status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(status, cursor, Cursor.limit(limit, 50, 500));
    }

    @GET
    @Path("/initiatives")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "The initiatives of many consultations, in list order",
            description = "consultationIds: comma-separated or repeated, at most 500. One entry per distinct id, in the order "
                    + "asked, each with a page of that consultation's initiatives (by position), its `total` count, "
                    + "`cursors` (one per initiative) and `next` (null on its last page); pass a cursor back as `cursor` to "
                    + "read on after it (it applies to every consultation asked). `limit` (default 100, at most 100) caps "
                    + "each page. One statement for any number of consultations; an unknown id answers an empty page and 0. "
                    + "Like a consultation, it holds no personal data.")
    @APIResponse(responseCode = "200", description = "One page per consultation asked",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = InitiativePage.class)))
    @APIResponse(responseCode = "400", description = "A consultation id is not a UUID, none or more than 500 were given, or "
            + "the cursor or limit is malformed; the problem names it")
    public Uni<List<PerParent<InitiativeView>>> initiatives(@QueryParam("consultationIds") List<String> consultationIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return initiatives.initiatives(QueryParams.uuids("consultationIds", consultationIds, PerContact.MAX_IDS), cursor,
                Cursor.limit(limit, 100, 100));
    }

    /** The OpenAPI shape of one entry of {@code GET /consultations/initiatives}. */
    record InitiativePage(UUID id, List<InitiativeView> items, String next, List<String> cursors, long total) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "A consultation with its initiatives in order",
            description = "Contacts read it to answer their invitation; it holds no personal data.")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public Uni<ConsultationView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/initiatives")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Add an initiative to a draft consultation")
    @APIResponse(responseCode = "201", description = "Added at the end of the list")
    @APIResponse(responseCode = "404", description = "No such consultation")
    @APIResponse(responseCode = "422", description = "The consultation is no longer a draft")
    public Uni<Response> addInitiative(@PathParam("id") UUID id, @Valid @NotNull NewInitiative in) {
        return service.addInitiative(id, in).map(i -> Response.status(201).entity(i).build());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Move a consultation along draft → open → closed → answered",
            description = "Opening needs at least one initiative; ANSWERED needs a published action on every initiative. "
                    + "A closed consultation may be reopened.")
    @APIResponse(responseCode = "404", description = "No such consultation")
    @APIResponse(responseCode = "422", description = "That change is not allowed now")
    public Uni<ConsultationView> changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange in) {
        return service.changeStatus(id, in.status());
    }
}
