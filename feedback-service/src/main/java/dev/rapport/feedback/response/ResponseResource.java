package dev.rapport.feedback.response;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/responses")
public class ResponseResource {
    @Inject
    ResponseService service;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Answer an invitation: rate any subset of the initiatives",
            description = "Buckets: ESSENTIAL, IMPORTANT, LOW_BUT_IMPORTANT, NOT_IMPORTANT, each with an optional comment. "
                    + "anonymous=true stores no contact id; allowReply=true (anonymous only) lets us send you what we do "
                    + "about what you rated. One response per invitation.")
    @APIResponse(responseCode = "201", description = "Stored (a retry with the same Idempotency-Key gets the same answer)")
    @APIResponse(responseCode = "400", description = "Unknown bucket or initiative, a repeated initiative, no ratings, or a token that matches no invitation")
    @APIResponse(responseCode = "403", description = "Not your invitation")
    @APIResponse(responseCode = "409", description = "This invitation was already answered")
    @APIResponse(responseCode = "422", description = "The consultation is not open")
    public Uni<Response> submit(@Valid @NotNull NewResponse in, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return service.submit(in, caller, idempotencyKey).map(r -> Response.created(URI.create("/responses/" + r.id())).entity(r).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "One response", description = "A contact may read only their own named responses.")
    @APIResponse(responseCode = "404", description = "No such response")
    public Uni<ResponseView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }
}
