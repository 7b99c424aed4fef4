package dev.rapport.consent.purpose;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/purposes")
public class PurposeResource {
    @Inject
    PurposeService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a purpose")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "409", description = "The code exists")
    public Uni<Response> create(@Valid @NotNull PurposeInput in) {
        return service.create(in).map(p -> Response.created(URI.create("/purposes/" + p.code())).entity(p).build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a purpose's description and default lawful basis",
            description = "Send the version you read; a stale one gets 409. Past ledger events keep the basis they were recorded with.")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<PurposeView> replace(@PathParam("code") String code, @Valid @NotNull PurposeInput in) {
        return service.replace(code, in);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "List all purposes")
    public Uni<List<PurposeView>> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Read a purpose")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public Uni<PurposeView> get(@PathParam("code") String code) {
        return service.get(code);
    }
}
