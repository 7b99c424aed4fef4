package dev.rapport.platform.webhooks;

import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The REST API of a service's partner webhook subscriptions (docs/webhooks.md), the same in every service that sends
 * events: a service declares {@code @Path("/webhook-subscriptions")} on a subclass that names its {@link WebhookAdmin}.
 * Admins only.
 */
public abstract class WebhookSubscriptionsResource {
    @Inject
    Caller caller;

    /** The service's webhooks, with its own event types. */
    protected abstract WebhookAdmin admin();

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a webhook subscription",
            description = "eventTypes: this service's events (docs/webhooks.md); an unknown one is refused naming those it "
                    + "sends. The URL must be https (plain http only to localhost). Without a secret one is generated; the "
                    + "answer is the only one that shows it.")
    @APIResponse(responseCode = "201", description = "Registered; the answer carries the signing secret")
    @APIResponse(responseCode = "400", description = "A non-https URL, an unknown event type or a malformed secret (field named)")
    public Uni<Response> register(@Valid @NotNull NewWebhookSubscription in) {
        return admin().register(in, caller.name()).map(s -> Response.status(201).entity(s).build());
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every webhook subscription of this service, oldest first (secrets are never shown)")
    public Uni<List<WebhookSubscriptionView>> list() {
        return admin().list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One webhook subscription")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<WebhookSubscriptionView> get(@PathParam("id") UUID id) {
        return admin().get(id);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Pause a subscription", description = "Nothing is sent; new events wait and go out, in order, on resume.")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<WebhookSubscriptionView> pause(@PathParam("id") UUID id) {
        return admin().pause(id);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Resume a paused or failing subscription",
            description = "Its waiting deliveries are due at once, with a fresh 24-hour retry period.")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<WebhookSubscriptionView> resume(@PathParam("id") UUID id) {
        return admin().resume(id);
    }

    @POST
    @Path("{id}/secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate a subscription's signing secret",
            description = "The answer carries the new secret, the only time it is shown (give one, or have one generated). "
                    + "For rapport.webhooks.secret-overlap (24 h) requests carry two signatures, the new secret's and the "
                    + "previous one's (previousSecretValidUntil), so the receiver can switch without losing a request.")
    @APIResponse(responseCode = "200", description = "Rotated; the answer carries the new secret")
    @APIResponse(responseCode = "400", description = "A malformed secret")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<WebhookSubscriptionView> rotateSecret(@PathParam("id") UUID id, SecretRotation in) {
        return admin().rotate(id, in);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a subscription with its deliveries and their log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return admin().delete(id);
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send again every event of the subscription's types since a point in time",
            description = "Replayed events keep their webhook-id and go out in order per contact.")
    @APIResponse(responseCode = "400", description = "from is missing or in the future")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<ReplayRequest.Result> replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest in) {
        return admin().replay(id, in);
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The delivery log of a subscription, newest first",
            description = "Each delivery with its attempts: status code, latency and error. status=PENDING or DELIVERED "
                    + "filters; cursor pages (limit 1–200, default 50).")
    @APIResponse(responseCode = "400", description = "Unknown status, bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Uni<Page<WebhookDeliveryView>> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return admin().deliveries(id, status, cursor, limit);
    }
}
