package dev.rapport.gateway.webhook;

import static dev.rapport.gateway.security.Roles.ADMIN;

import dev.rapport.gateway.clients.webhooks.WebhooksClient;
import dev.rapport.gateway.common.Connection;
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

/**
 * Partner webhook subscriptions of the three services (docs/webhooks.md): admins register, pause, resume, delete, replay
 * and read the log; {@link WebhookRouting} finds the service that keeps each.
 */
@GraphQLApi
public class WebhookGraphQLApi {
    @Inject
    WebhooksClient webhooks;
    @Inject
    WebhookRouting routing;

    @Input("WebhookSubscriptionInput")
    // url and eventTypes are nullable in the schema, like every input of the graph: a missing one is an invalid-input
    // error naming the field (eventTypes checked here, url by the service), after the role check
    @Description("A subscription to register. Without secret one is generated; either way the answer shows it once.")
    public record WebhookSubscriptionInput(
            @Description("Required; https (plain http only to localhost)") String url,
            @Description("Required, at least one") List<WebhookEventType> eventTypes, String description,
            @Description("whsec_ followed by the base64 of 24 to 64 random bytes") String secret) {
    }

    @Query
    @Description("Every webhook subscription of the three services, oldest first, each naming its service (secrets are "
            + "never shown). When a service cannot answer, the others' subscriptions are answered with a service-unavailable "
            + "error naming it (extensions.problem.service).")
    @RolesAllowed(ADMIN)
    public Uni<List<WebhookSubscription>> webhookSubscriptions() {
        return routing.list();
    }

    @Query
    @Description("A subscription's delivery log, newest first: each event's delivery with its attempts (status code, "
            + "latency, error). status filters; first is 1–200.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookDelivery.WebhookDeliveryConnection> webhookDeliveries(@Id @NonNull String subscriptionId,
            WebhookDelivery.WebhookDeliveryStatus status, @DefaultValue("50") int first, String after) {
        return routing.at("subscriptionId", subscriptionId,
                        s -> webhooks.deliveries(s, subscriptionId, status, after, Math.max(1, Math.min(first, 200))))
                .map(p -> Connection.of(p, after, WebhookDelivery.WebhookDeliveryEdge::new,
                        WebhookDelivery.WebhookDeliveryConnection::new));
    }

    @Mutation
    @Description("Register a subscription to event types of any service: one subscription is made in each service that "
            + "sends one of them (WebhookSubscription.service), all signing with one secret. The answer carries that secret: "
            + "the only time it is shown. A non-https URL, no event type or a malformed secret is an invalid-input error "
            + "naming the field; nothing is registered then.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription.WebhookRegistration> registerWebhookSubscription(@NonNull WebhookSubscriptionInput input) {
        return routing.register(input.url(), input.eventTypes(), input.description(), input.secret())
                .map(r -> new WebhookSubscription.WebhookRegistration(r.subscriptions(), r.secret()));
    }

    @Mutation
    @Description("Pause a subscription: nothing is sent, new events wait and go out in order on resume.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription> pauseWebhookSubscription(@Id @NonNull String id) {
        return routing.at("id", id, s -> webhooks.pause(s, id).map(x -> x.view(s)));
    }

    @Mutation
    @Description("Resume a paused or failing subscription: waiting events go out at once, oldest first, with a fresh "
            + "24-hour retry period.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription> resumeWebhookSubscription(@Id @NonNull String id) {
        return routing.at("id", id, s -> webhooks.resume(s, id).map(x -> x.view(s)));
    }

    @Mutation
    @Description("Rotate a subscription's signing secret: the given one (whsec_…), or a generated one; the answer is the "
            + "only one that shows it. For 24 h (rapport.webhooks.secret-overlap) requests carry two signatures, the new "
            + "secret's and the previous one's. Each subscription rotates alone: to keep one secret across a registration's "
            + "subscriptions, give the same secret to each. A malformed secret is an invalid-input error naming it.")
    @RolesAllowed(ADMIN)
    public Uni<WebhookSubscription.WebhookSecretRotation> rotateWebhookSecret(@Id @NonNull String id, String secret) {
        return routing.at("id", id, s -> webhooks.rotateSecret(s, id, secret)
                .map(r -> new WebhookSubscription.WebhookSecretRotation(r.view(s), r.secret())));
    }

    @Mutation
    @Description("Delete a subscription with its deliveries and their log.")
    @RolesAllowed(ADMIN)
    public Uni<Boolean> deleteWebhookSubscription(@Id @NonNull String id) {
        return routing.at("id", id, s -> webhooks.delete(s, id).replaceWith(true));
    }

    @Mutation
    @Description("Send again every event of the subscription's types that happened at or after from (they keep their "
            + "webhook-id); answers how many deliveries were scheduled.")
    @RolesAllowed(ADMIN)
    public Uni<Integer> replayWebhookSubscription(@Id @NonNull String id, @NonNull Instant from) {
        return routing.at("id", id, s -> webhooks.replay(s, id, from));
    }
}
