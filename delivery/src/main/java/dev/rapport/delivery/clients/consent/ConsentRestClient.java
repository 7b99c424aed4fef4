package dev.rapport.delivery.clients.consent;

import dev.rapport.delivery.clients.DevelopmentToken;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service as delivery uses it: the queue (whose leases carry the consent a message states), and purposes. */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@RegisterProvider(DevelopmentToken.class)
interface ConsentRestClient {
    @POST
    @Path("/outreach/queue/pull")
    Uni<List<Lease>> pull(Map<String, Object> request);

    @POST
    @Path("/outreach/deliveries/acks")
    Uni<List<Acknowledgement.Result>> acknowledge(Acknowledgement.Batch acks);

    @POST
    @Path("/outreach/deliveries/{id}/unsubscribe")
    Uni<Void> unsubscribe(@PathParam("id") UUID id, Map<String, Object> body);

    @GET
    @Path("/purposes/{code}")
    Uni<Purpose> purpose(@PathParam("code") String code);
}
