package dev.rapport.gateway.clients.contacts;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.contact.ImportJob;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contacts-service's import jobs, read for the {@code importProgress} subscription. Its polls run on a timer long after
 * the request that opened the subscription, where no request is being served and so no caller's token can be read:
 * the subscriber's token, taken when the subscription began, is given to each call, and this client has no
 * {@link dev.rapport.gateway.clients.CallerToken} filter.
 */
@RegisterRestClient(configKey = "contacts")
@Produces(MediaType.APPLICATION_JSON)
interface ImportProgressRestClient {
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("contacts-service", response);
    }

    @GET
    @Path("imports/{id}")
    Uni<ImportJob> importJob(@HeaderParam("Authorization") String subscriberBearer, @PathParam("id") String id);
}
