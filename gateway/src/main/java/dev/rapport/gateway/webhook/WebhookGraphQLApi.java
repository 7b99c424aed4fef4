package dev.rapport.gateway.webhook;

import static dev.rapport.gateway.security.Roles.ADMIN;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.webhooks.WebhooksClient;
import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Partner webhook subscriptions (docs/webhooks.md): admins register, pause, resume, delete, replay and read the log. */
@GraphQLApi
public class WebhookGraphQLApi {
    @Inject
    WebhooksClient webhooks;
    @Inject
    Caller caller;

    @Input("WebhookSubscriptionInput")
    // url and eventTypes are nullable in the schema, like every input of the graph: contacts-service checks them and a
    // missing one is an invalid-input error naming the field, after the role check
    @Description("A subscription to register. Without secret one is generated; either way the answer shows it once.")
    public record WebhookSubscriptionInput(
            @Description("Required; https (plain http only to localhost)") String url,
            @Description("Required, at least one") List<WebhookEventType> eventTypes, String description,
            @Description("whsec_ followed by the base64 of 24 to 64 random bytes") String secret) {
    }

    @Query
    @Description("Every webhook subscription, oldest first (secrets are never shown).")
    @RolesAllowed(ADMIN)
    public Uni<List<WebhookSubscription>> webhookSubscriptions() {
        return failed(webhooks.list(caller.bearer()).map(all -> all.stream().map(WebhooksClient.Subscription::view).toList()));
    }

    @Query
    @Description("A subscription's delivery log, newest first: each event's delivery with its attempts (status code, "
            + "latency, error). status filters; first is 1–200.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookDelivery.WebhookDeliveryConnection> webhookDeliveries(@Id @NonNull String subscriptionId,
            WebhookDelivery.WebhookDeliveryStatus status, @DefaultValue("50") int first, String after) {
        return failed(webhooks.deliveries(caller.bearer(), subscriptionId, status, after, Math.max(1, Math.min(first, 200)))
                .map(p -> Connection.of(p, after, WebhookDelivery.WebhookDeliveryEdge::new,
                        WebhookDelivery.WebhookDeliveryConnection::new)));
    }

    @Mutation
    @Description("Register a subscription. The answer carries the signing secret: the only time it is shown. A non-https "
            + "URL, an unknown event type or a malformed secret is an invalid-input error naming the field.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription.WebhookRegistration> registerWebhookSubscription(@NonNull WebhookSubscriptionInput input) {
        return failed(webhooks.register(caller.bearer(), new WebhooksClient.NewSubscription(input.url(), input.eventTypes(),
                        input.description(), input.secret()))
                .map(s -> new WebhookSubscription.WebhookRegistration(s.view(), s.secret())));
    }

    @Mutation
    @Description("Pause a subscription: nothing is sent, new events wait and go out in order on resume.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription> pauseWebhookSubscription(@Id @NonNull String id) {
        return failed(webhooks.pause(caller.bearer(), id).map(WebhooksClient.Subscription::view));
    }

    @Mutation
    @Description("Resume a paused or failing subscription: waiting events go out at once, oldest first, with a fresh "
            + "24-hour retry period.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription> resumeWebhookSubscription(@Id @NonNull String id) {
        return failed(webhooks.resume(caller.bearer(), id).map(WebhooksClient.Subscription::view));
    }

    @Mutation
    @Description("Delete a subscription with its deliveries and their log.")
    @RolesAllowed(ADMIN)
    public Uni<Boolean> deleteWebhookSubscription(@Id @NonNull String id) {
        return failed(webhooks.delete(caller.bearer(), id).replaceWith(true));
    }

    @Mutation
    @Description("Send again every event of the subscription's types that happened at or after from (they keep their "
            + "webhook-id); answers how many deliveries were scheduled.")
    @RolesAllowed(ADMIN)
    public Uni<Integer> replayWebhookSubscription(@Id @NonNull String id, @NonNull Instant from) {
        return failed(webhooks.replay(caller.bearer(), id, from));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(WebhooksClient.SERVICE));
    }
}
