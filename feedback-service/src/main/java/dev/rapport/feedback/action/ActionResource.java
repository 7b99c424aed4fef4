package dev.rapport.feedback.action;

import dev.rapport.feedback.outreach.Outreach;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/actions")
public class ActionResource {
    @Inject
    ActionService service;
    @Inject
    Outreach outreach;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Record what we will do (or won't, and why) about an initiative; not yet published")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing description, unknown decision, or WONT_DO without a reason")
    @APIResponse(responseCode = "422", description = "Unknown initiative, or the consultation is still a draft")
    public Uni<Response> create(@Valid @NotNull NewAction in) {
        return service.create(in, caller.name()).map(a -> Response.created(URI.create("/actions/" + a.id())).entity(a).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT})
    @Operation(summary = "Actions of a consultation")
    public Uni<List<ActionView>> list(@QueryParam("consultationId") @NotNull UUID consultationId) {
        return service.ofConsultation(consultationId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "One action", description = "integration: the delivery integration renders the \"we did\" notice.")
    @APIResponse(responseCode = "404", description = "No such action")
    public Uni<ActionView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Publish: tell exactly the people who rated the initiative, and ask \"does this work for you?\"",
            description = "Named respondents and anonymous ones who left a reply channel each get one follow-up, sent through "
                    + "consent-service outreach; anonymous respondents without one are counted, not contacted.")
    @APIResponse(responseCode = "404", description = "No such action")
    @APIResponse(responseCode = "409", description = "Already published")
    public Uni<PublicationView> publish(@PathParam("id") UUID id) {
        return service.publish(id, caller.name()).chain(p -> outreach.send(p.messageIds())
                .map(d -> new PublicationView(ActionView.from(p.action()), p.recipients(), p.unreachableAnonymous(), d)));
    }
}
