package dev.rapport.contacts.organisation;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import dev.rapport.platform.web.QueryParams;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/organisations")
public class OrganisationResource {
    @Inject
    OrganisationService service;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Create an organisation")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "409", description = "Another organisation has this domain")
    public Uni<Response> create(@Valid @NotNull OrganisationInput in) {
        return service.create(in).map(o -> Response.created(URI.create("/organisations/" + o.id())).entity(o).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Replace an organisation's details", description = "Send the version you read; a stale one gets 409.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "Stale version or duplicate domain")
    public Uni<OrganisationView> update(@PathParam("id") UUID id, @Valid @NotNull OrganisationInput in) {
        return service.update(id, in);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Read an organisation")
    @APIResponse(responseCode = "404", description = "No such organisation")
    public Uni<OrganisationView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "List organisations by name, with cursor paging",
            description = "`ids` (comma-separated or repeated, at most 500) serves batched lookups: one call for every "
                    + "organisation of a page of contacts.")
    @APIResponse(responseCode = "400", description = "An id, the cursor or the limit is malformed; the problem names it")
    public Uni<Page<OrganisationView>> list(@QueryParam("name") String name, @QueryParam("ids") List<String> ids,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(name, ids == null || ids.isEmpty() ? null : QueryParams.uuids("ids", ids, 500), cursor,
                Cursor.limit(limit, 50, 500));
    }
}
