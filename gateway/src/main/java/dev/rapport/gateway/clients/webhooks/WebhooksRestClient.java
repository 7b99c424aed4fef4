package dev.rapport.gateway.clients.webhooks;

import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.webhook.WebhookDelivery;
import io.smallrye.mutiny.Uni;
import dev.rapport.gateway.clients.CallerToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The webhook subscription API every service that sends events has, the same in each (platform's
 * WebhookSubscriptionsResource; docs/webhooks.md). {@link WebhooksClient} builds one client per service and is the
 * only caller.
 */
@Path("webhook-subscriptions")
@RegisterProvider(value = CallerToken.class, priority = Priorities.AUTHENTICATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface WebhooksRestClient {

    @POST
    Uni<WebhooksClient.Subscription> register(WebhooksClient.NewSubscription body);

    @GET
    Uni<List<WebhooksClient.Subscription>> list();

    @GET
    @Path("{id}")
    Uni<WebhooksClient.Subscription> get(@PathParam("id") String id);

    @POST
    @Path("{id}/pause")
    Uni<WebhooksClient.Subscription> pause(@PathParam("id") String id);

    @POST
    @Path("{id}/resume")
    Uni<WebhooksClient.Subscription> resume(@PathParam("id") String id);

    @POST
    @Path("{id}/secret")
    Uni<WebhooksClient.Subscription> rotateSecret(@PathParam("id") String id,
            WebhooksClient.SecretRotation body);

    @DELETE
    @Path("{id}")
    Uni<Void> delete(@PathParam("id") String id);

    @POST
    @Path("{id}/replay")
    Uni<WebhooksClient.Replayed> replay(@PathParam("id") String id, WebhooksClient.Replay body);

    @GET
    @Path("{id}/deliveries")
    Uni<Page<WebhookDelivery>> deliveries(@PathParam("id") String id,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);
}
