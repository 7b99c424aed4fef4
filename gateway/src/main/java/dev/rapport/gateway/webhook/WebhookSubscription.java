package dev.rapport.gateway.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A partner's webhook subscription: Standard Webhooks-signed POSTs to url for each event of its types, at "
        + "least once, in order per contact (docs/webhooks.md). The signing secret is never shown after registration.")
public record WebhookSubscription(@Id @NonNull String id,
        @Description("The service that sends its events and keeps it, with its delivery log") @NonNull WebhookService service,
        @NonNull String url, String description,
        @NonNull List<@NonNull WebhookEventType> eventTypes, @NonNull WebhookSubscriptionStatus status, Instant createdAt, String createdBy,
        Instant updatedAt,
        @Description("When a delivery had failed for the whole retry period (24 h) or the receiver answered 410 Gone")
        Instant failingSince,
        @Description("After rotateWebhookSecret: until when requests carry a second signature made with the previous secret")
        Instant previousSecretValidUntil) {

    @Description("ACTIVE: delivering. PAUSED: paused by an admin; events wait. FAILING: a delivery kept failing; events "
            + "wait until an admin resumes it.")
    public enum WebhookSubscriptionStatus { ACTIVE, PAUSED, FAILING }

    @Description("A rotated subscription with its new signing secret (whsec_…): the only answer that shows it. Until "
            + "subscription.previousSecretValidUntil, requests carry a signature with the previous secret too.")
    public record WebhookSecretRotation(@NonNull WebhookSubscription subscription, @NonNull String secret) {
    }

    @Description("What a registration created: one subscription in each service that sends one of the event types "
            + "asked for (each with the types it sends), all signing with the one secret (whsec_…) this answer shows, the "
            + "only time it is shown.")
    public record WebhookRegistration(@NonNull List<@NonNull WebhookSubscription> subscriptions, @NonNull String secret) {
    }
}
