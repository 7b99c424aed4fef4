package dev.rapport.gateway.clients.webhooks;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.webhook.WebhookDelivery;
import dev.rapport.gateway.webhook.WebhookEventType;
import dev.rapport.gateway.webhook.WebhookSubscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Webhook subscriptions in contacts-service, behind a timeout and a circuit breaker; reads are retried, writes are not.
 * Where a subscription lives is the service that sends its events: today contacts-service only.
 */
@ApplicationScoped
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class WebhooksClient {
    public static final String SERVICE = "contacts-service";

    /** What contacts-service answers; {@code secret} only from a registration. */
    public record Subscription(String id, String url, String description, List<WebhookEventType> eventTypes,
            WebhookSubscription.WebhookSubscriptionStatus status, Instant createdAt, String createdBy, Instant updatedAt, Instant failingSince,
            String secret) {
        public WebhookSubscription view() {
            return new WebhookSubscription(id, url, description, eventTypes, status, createdAt, createdBy, updatedAt, failingSince);
        }
    }

    public record NewSubscription(String url, List<WebhookEventType> eventTypes, String description, String secret) {
    }

    public record Replay(Instant from) {
    }

    public record Replayed(int scheduled) {
    }

    @Inject
    @RestClient
    WebhooksRestClient rest;

    public Uni<Subscription> register(String auth, NewSubscription in) {
        return rest.register(auth, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Subscription>> list(String auth) {
        return rest.list(auth);
    }

    public Uni<Subscription> pause(String auth, String id) {
        return rest.pause(auth, id);
    }

    public Uni<Subscription> resume(String auth, String id) {
        return rest.resume(auth, id);
    }

    public Uni<Void> delete(String auth, String id) {
        return rest.delete(auth, id);
    }

    public Uni<Integer> replay(String auth, String id, Instant from) {
        return rest.replay(auth, id, new Replay(from)).map(Replayed::scheduled);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<WebhookDelivery>> deliveries(String auth, String id, WebhookDelivery.WebhookDeliveryStatus status, String cursor, int limit) {
        return rest.deliveries(auth, id, status == null ? null : status.name(), cursor, limit);
    }
}
