package dev.rapport.gateway.clients.webhooks;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.webhook.WebhookDelivery;
import dev.rapport.gateway.webhook.WebhookEventType;
import dev.rapport.gateway.webhook.WebhookService;
import dev.rapport.gateway.webhook.WebhookSubscription;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Webhook subscriptions in the three services. Each service has the same API (platform's), so one client interface is
 * built once per service, at the URL of that service's REST client configuration
 * ({@code quarkus.rest-client.<contacts|consent|feedback>.url}), and each service has its own guard: a 3 s timeout and
 * one circuit breaker for all its webhook calls (10 calls, half failed: open for 5 s; a 4xx does not count). A service
 * that is down therefore opens only its own breaker, and a listing still answers the other two. Reads are retried
 * twice (through the breaker), writes never.
 */
@ApplicationScoped
public class WebhooksClient {
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };
    private static final int RETRIES = 2;
    private static final Duration RETRY_DELAY = Duration.ofMillis(100);

    /** The name of a service's breaker, for {@code CircuitBreakerMaintenance} (tests, an operator's reset). */
    public static String breakerName(WebhookService s) {
        return "webhooks-" + s.serviceName();
    }

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
    private final Map<WebhookService, Guard> guards = new EnumMap<>(WebhookService.class);

    @PostConstruct
    void init() {
        for (WebhookService s : WebhookService.values()) {
            URI url = URI.create(config.getValue("quarkus.rest-client." + s.configKey() + ".url", String.class));
            rest.put(s, QuarkusRestClientBuilder.newBuilder().baseUri(url).register(new Problems(s.serviceName()))
                    .build(WebhooksRestClient.class));
            guards.put(s, Guard.create().withDescription(breakerName(s))
                    .withTimeout().duration(3, ChronoUnit.SECONDS).done()
                    .withCircuitBreaker().name(breakerName(s)).requestVolumeThreshold(10).failureRatio(0.5)
                    .delay(5, ChronoUnit.SECONDS).skipOn(ProblemResponse.class).done()
                    .build());
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

    public Uni<Subscription> register(WebhookService s, NewSubscription in) {
        return write(s, () -> rest.get(s).register(in));
    }

    public Uni<List<Subscription>> list(WebhookService s) {
        return read(s, () -> rest.get(s).list());
    }

    public Uni<Subscription> get(WebhookService s, String id) {
        return read(s, () -> rest.get(s).get(id));
    }

    public Uni<Subscription> pause(WebhookService s, String id) {
        return write(s, () -> rest.get(s).pause(id));
    }

    public Uni<Subscription> resume(WebhookService s, String id) {
        return write(s, () -> rest.get(s).resume(id));
    }

    public Uni<Subscription> rotateSecret(WebhookService s, String id, String secret) {
        return write(s, () -> rest.get(s).rotateSecret(id, new SecretRotation(secret)));
    }

    public Uni<Void> delete(WebhookService s, String id) {
        return write(s, () -> rest.get(s).delete(id));
    }

    public Uni<Integer> replay(WebhookService s, String id, Instant from) {
        return write(s, () -> rest.get(s).replay(id, new Replay(from))).map(Replayed::scheduled);
    }

    public Uni<Page<WebhookDelivery>> deliveries(WebhookService s, String id, WebhookDelivery.WebhookDeliveryStatus status,
            String cursor, int limit) {
        return read(s, () -> rest.get(s).deliveries(id, status == null ? null : status.name(), cursor, limit));
    }

    /** A read: through the service's guard, tried again twice (each try through the breaker) unless the service refused. */
    private <T> Uni<T> read(WebhookService s, Supplier<Uni<T>> call) {
        return write(s, call).onFailure(e -> !(e instanceof ProblemResponse)).retry().withBackOff(RETRY_DELAY).atMost(RETRIES);
    }

    /** A write: through the service's guard only; never repeated, since a lost answer may hide an applied write. */
    @SuppressWarnings("unchecked")
    private <T> Uni<T> write(WebhookService s, Supplier<Uni<T>> call) {
        Supplier<Uni<Object>> untyped = (Supplier<Uni<Object>>) (Supplier<?>) call;
        return Uni.createFrom().deferred(() -> (Uni<T>) guards.get(s).get(untyped, UNI));
    }
}
