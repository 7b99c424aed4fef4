package dev.rapport.feedback.consultation;

import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/initiatives")
public class InitiativeResource {
    @Inject
    InitiativeQueries initiatives;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Initiatives by id",
            description = "ids: comma-separated or repeated, at most 500. The initiatives that exist, in the order asked (an "
                    + "unknown id is left out), for pages that name the initiative a follow-up or a thread is about. One "
                    + "statement for any number of ids. Like a consultation, an initiative holds no personal data.")
    @APIResponse(responseCode = "200", description = "The initiatives found",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = InitiativeView.class)))
    @APIResponse(responseCode = "400", description = "An id is not a UUID, or none or more than 500 were given; the problem names ids")
    public Uni<List<InitiativeView>> byIds(@QueryParam("ids") List<String> ids) {
        return initiatives.byIds(QueryParams.uuids("ids", ids, PerContact.MAX_IDS));
    }
}
