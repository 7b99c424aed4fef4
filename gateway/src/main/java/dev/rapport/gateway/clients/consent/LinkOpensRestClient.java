package dev.rapport.gateway.clients.consent;

import dev.rapport.gateway.clients.ProblemResponse;
import io.smallrye.mutiny.Uni;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's count of link openings. The one call the gateway makes with a token that is not its caller's:
 * {@code openLinkSession} has no caller token, and counts the opening as the session it has just made, so this client
 * sends the token it is given and has no {@link dev.rapport.gateway.clients.CallerToken} filter.
 */
@RegisterRestClient(configKey = "consent")
@Produces(MediaType.APPLICATION_JSON)
interface LinkOpensRestClient {
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("consent-service", response);
    }

    /** Counts one opening of the link the session (its bearer) was opened from. */
    @POST
    @Path("link-opens")
    Uni<LinkOpen> countLinkOpen(@HeaderParam("Authorization") String sessionBearer);
}
