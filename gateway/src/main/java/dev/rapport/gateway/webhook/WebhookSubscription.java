package dev.rapport.gateway.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A partner's webhook subscription: Standard Webhooks-signed POSTs to url for each event of its types, at "
        + "least once, in order per contact (docs/webhooks.md). The signing secret is never shown after registration.")
public record WebhookSubscription(@Id @NonNull String id, @NonNull String url, String description,
        @NonNull List<@NonNull WebhookEventType> eventTypes, @NonNull WebhookSubscriptionStatus status, Instant createdAt, String createdBy,
        Instant updatedAt,
        @Description("When a delivery had failed for the whole retry period (24 h) or the receiver answered 410 Gone")
        Instant failingSince) {

    @Description("ACTIVE: delivering. PAUSED: paused by an admin; events wait. FAILING: a delivery kept failing; events "
            + "wait until an admin resumes it.")
    public enum WebhookSubscriptionStatus { ACTIVE, PAUSED, FAILING }

    @Description("A registered subscription with its signing secret (whsec_…): the only answer that shows it.")
    public record WebhookRegistration(@NonNull WebhookSubscription subscription, @NonNull String secret) {
    }
}
