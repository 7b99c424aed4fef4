package dev.rapport.gateway.clients.webhooks;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.webhook.WebhookDelivery;
import dev.rapport.gateway.webhook.WebhookEventType;
import dev.rapport.gateway.webhook.WebhookService;
import dev.rapport.gateway.webhook.WebhookSubscription;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Webhook subscriptions in the three services, behind a timeout and a circuit breaker; reads are retried, writes are
 * not. Each service has the same API (platform's), so one client interface is built once per service, at the URL of
 * that service's REST client configuration ({@code quarkus.rest-client.<contacts|consent|feedback>.url}). The breaker is
 * per method, shared by the three: these are rare admin calls, and a listing needs all three anyway.
 */
@ApplicationScoped
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class WebhooksClient {

    /** What a service answers; {@code secret} only from a registration. */
    public record Subscription(String id, String url, String description, List<WebhookEventType> eventTypes,
            WebhookSubscription.WebhookSubscriptionStatus status, Instant createdAt, String createdBy, Instant updatedAt, Instant failingSince,
            Instant previousSecretValidUntil, String secret) {
        public WebhookSubscription view(WebhookService service) {
            return new WebhookSubscription(id, service, url, description, eventTypes, status, createdAt, createdBy, updatedAt,
                    failingSince, previousSecretValidUntil);
        }
    }

    public record NewSubscription(String url, List<WebhookEventType> eventTypes, String description, String secret) {
    }

    public record Replay(Instant from) {
    }

    public record SecretRotation(String secret) {
    }

    public record Replayed(int scheduled) {
    }

    @Inject
    Config config;

    private final Map<WebhookService, WebhooksRestClient> rest = new EnumMap<>(WebhookService.class);

    @PostConstruct
    void init() {
        for (WebhookService s : WebhookService.values()) {
            URI url = URI.create(config.getValue("quarkus.rest-client." + s.configKey() + ".url", String.class));
            rest.put(s, QuarkusRestClientBuilder.newBuilder().baseUri(url).register(new Problems(s.serviceName()))
                    .build(WebhooksRestClient.class));
        }
    }

    /** A service's 4xx answer becomes a {@link ProblemResponse} naming that service, as every client of the gateway does. */
    private record Problems(String service) implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            return ProblemResponse.from(service, response);
        }

        @Override
        public boolean handles(int status, MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }

    public Uni<Subscription> register(WebhookService s, String auth, NewSubscription in) {
        return rest.get(s).register(auth, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Subscription>> list(WebhookService s, String auth) {
        return rest.get(s).list(auth);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Subscription> get(WebhookService s, String auth, String id) {
        return rest.get(s).get(auth, id);
    }

    public Uni<Subscription> pause(WebhookService s, String auth, String id) {
        return rest.get(s).pause(auth, id);
    }

    public Uni<Subscription> resume(WebhookService s, String auth, String id) {
        return rest.get(s).resume(auth, id);
    }

    public Uni<Subscription> rotateSecret(WebhookService s, String auth, String id, String secret) {
        return rest.get(s).rotateSecret(auth, id, new SecretRotation(secret));
    }

    public Uni<Void> delete(WebhookService s, String auth, String id) {
        return rest.get(s).delete(auth, id);
    }

    public Uni<Integer> replay(WebhookService s, String auth, String id, Instant from) {
        return rest.get(s).replay(auth, id, new Replay(from)).map(Replayed::scheduled);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<WebhookDelivery>> deliveries(WebhookService s, String auth, String id, WebhookDelivery.WebhookDeliveryStatus status,
            String cursor, int limit) {
        return rest.get(s).deliveries(auth, id, status == null ? null : status.name(), cursor, limit);
    }
}
