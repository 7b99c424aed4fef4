package dev.rapport.gateway.webhook;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.PageInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One event's delivery to one subscription, with every attempt made.")
public record WebhookDelivery(@Id @NonNull String id, @Id @NonNull String subscriptionId,
        @Description("The webhook-id header: the same on every attempt and on a replay") @Id @NonNull String eventId,
        @NonNull WebhookEventType eventType, @Id String contactId, Instant occurredAt, @NonNull WebhookDeliveryStatus status, int attempts,
        Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode, String lastError,
        @Description("Scheduled by a replay") boolean replay, @NonNull List<@NonNull WebhookAttempt> attemptLog) {

    @Description("PENDING: waiting or being retried. DELIVERED: the receiver answered 2xx.")
    public enum WebhookDeliveryStatus { PENDING, DELIVERED }

    @Description("One HTTP attempt: the receiver's status code (null when none came: timeout, refused connection), its "
            + "latency and what failed.")
    public record WebhookAttempt(Instant attemptedAt, Integer statusCode, int latencyMillis, String error) {
    }

    @Description("A subscription's deliveries, newest first.")
    public record WebhookDeliveryConnection(List<WebhookDelivery> nodes, List<WebhookDeliveryEdge> edges, PageInfo pageInfo,
            @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record WebhookDeliveryEdge(String cursor, WebhookDelivery node) {
    }
}
