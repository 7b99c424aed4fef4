package dev.rapport.consent.linkopen;

import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Counts the sessions each signed link opens. The gateway has no database: when it opens a link session it calls this
 * with the new session's own token, whose {@code link_id} claim names the link, and refuses the session when the link has
 * opened too many. The link is read from the token, never from a body, so a session can count only its own link.
 */
@Path("/link-opens")
public class LinkOpenResource {
    static final String LINKS_ISSUER = "rapport-links";
    static final String LINK_ID_CLAIM = "link_id";

    @Inject
    JsonWebToken token;
    @Inject
    LinkOpenService opens;

    @POST
    @RolesAllowed(Roles.CONTACT)
    @Operation(summary = "Count one opening of the signed link this link session was opened from",
            description = "Called by the gateway with the link session it has just signed (issuer rapport-links, claim "
                    + "link_id). Answers how many sessions the link has opened, this one included; the gateway decides "
                    + "how many it allows. A Keycloak login has no link: 403.")
    @APIResponse(responseCode = "200", description = "Counted")
    @APIResponse(responseCode = "403", description = "Not a link session, or a session that names no link")
    public Uni<LinkOpen> count() {
        Object claim = token.getClaim(LINK_ID_CLAIM);
        if (!LINKS_ISSUER.equals(token.getIssuer()) || claim == null) {
            throw ProblemException.forbidden("Only a link session counts its link's openings");
        }
        try {
            return opens.count(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("This session's link id is not one Rapport made");
        }
    }
}
