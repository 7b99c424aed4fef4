package dev.rapport.gateway.webhook;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.webhooks.WebhooksClient;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.error.NotFoundError;
import dev.rapport.gateway.error.ServiceUnavailableError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Where a webhook subscription lives: in the service that sends its events (docs/webhooks.md, "Through the gateway").
 * A registration with types of several services becomes one subscription in each, registered one after the other
 * with the first one's secret, so that one secret verifies every request; if a later one fails, the earlier ones are
 * deleted and the error answered. A subscription is found by its id in whichever service has it. Every failure leaves
 * here as a coded GraphQL error naming the service.
 */
@ApplicationScoped
public class WebhookRouting {
    private static final Logger LOG = Logger.getLogger(WebhookRouting.class);

    @Inject
    WebhooksClient webhooks;

    /** A registration's answer: the subscriptions made, in service order, and their one secret. */
    public record Registered(List<WebhookSubscription> subscriptions, String secret) {
    }

    public Uni<Registered> register(String url, List<WebhookEventType> types, String description, String secret) {
        if (types == null || types.isEmpty() || types.contains(null)) {
            String problem = "must name at least one event type, and no null";
            return Uni.createFrom().failure(new InvalidInputError("eventTypes: " + problem, null, null,
                    List.of(new GatewayError.FieldError("eventTypes", problem))));
        }
        Map<WebhookService, List<WebhookEventType>> byService = new EnumMap<>(WebhookService.class);
        types.stream().distinct().forEach(t -> byService.computeIfAbsent(t.service(), k -> new ArrayList<>()).add(t));
        return registerEach(url, description, secret, new ArrayList<>(byService.entrySet()), new ArrayList<>());
    }

    private Uni<Registered> registerEach(String url, String description, String secret,
            List<Map.Entry<WebhookService, List<WebhookEventType>>> rest, List<WebhookSubscription> done) {
        if (rest.isEmpty()) {
            return Uni.createFrom().item(new Registered(done, secret));
        }
        WebhookService s = rest.get(0).getKey();
        return webhooks.register(s, new WebhooksClient.NewSubscription(url, rest.get(0).getValue(), description, secret))
                .onFailure().call(failure -> undo(done))
                .onFailure().transform(graphQL(s))
                .chain(created -> {
                    done.add(created.view(s));
                    return registerEach(url, description, secret != null ? secret : created.secret(),
                            rest.subList(1, rest.size()), done);
                });
    }

    /** Deletes what a failed registration had already made; what cannot be deleted is logged for an admin to remove. */
    private Uni<Void> undo(List<WebhookSubscription> done) {
        List<Uni<Void>> deletes = done.stream().map(d -> webhooks.delete(d.service(), d.id()).onFailure().recoverWithItem(e -> {
            LOG.warnf("Webhook subscription %s in %s outlived a failed registration: %s", d.id(), d.service().serviceName(), e);
            return null;
        })).toList();
        return deletes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(deletes).andFailFast().replaceWithVoid();
    }

    /** What one service answered to a listing, or that it could not answer. */
    private record Listed(WebhookService service, List<WebhookSubscription> subscriptions, boolean unavailable) {
    }

    /**
     * Every subscription of the three services, oldest first. A service that cannot answer (down, timed out, its breaker
     * open) leaves the others' subscriptions answered, with a {@code service-unavailable} error naming it; a service
     * that refuses (4xx) fails the listing.
     */
    public Uni<List<WebhookSubscription>> list() {
        List<Uni<Listed>> each = new ArrayList<>();
        for (WebhookService s : WebhookService.values()) {
            each.add(webhooks.list(s).map(all -> new Listed(s, all.stream().map(x -> x.view(s)).toList(), false))
                    .onFailure(e -> !(e instanceof ProblemResponse)).recoverWithItem(e -> {
                        LOG.debugf(e, "Webhook subscriptions of %s could not be listed", s.serviceName());
                        return new Listed(s, List.of(), true);
                    })
                    .onFailure().transform(graphQL(s)));
        }
        return Uni.join().all(each).andFailFast().chain(lists -> {
            List<WebhookSubscription> all = lists.stream().flatMap(l -> l.subscriptions().stream())
                    .sorted(Comparator.comparing(WebhookSubscription::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(WebhookSubscription::id))
                    .toList();
            List<String> down = lists.stream().filter(Listed::unavailable).map(l -> l.service().serviceName()).toList();
            return down.isEmpty() ? Uni.createFrom().item(all)
                    : Uni.createFrom().failure(ServiceUnavailableError.partial(down, all));
        });
    }

    /** Runs {@code call} at the service that keeps subscription {@code id}; {@code field} names the id in errors. */
    public <T> Uni<T> at(String field, String id, Function<WebhookService, Uni<T>> call) {
        try {
            InvalidInputError.requireUuid(field, id);
        } catch (InvalidInputError e) {
            return Uni.createFrom().failure(e);
        }
        return owner(field, id).chain(s -> call.apply(s).onFailure().transform(graphQL(s)));
    }

    private record Lookup(WebhookService service, boolean found, Throwable failure) {
    }

    /** Asks the three services at once; the one that has it answers. One that could not answer matters only if none had it. */
    private Uni<WebhookService> owner(String field, String id) {
        List<Uni<Lookup>> each = new ArrayList<>();
        for (WebhookService s : WebhookService.values()) {
            each.add(webhooks.get(s, id).map(x -> new Lookup(s, true, null)).onFailure().recoverWithItem(e ->
                    e instanceof ProblemResponse p && p.status() == 404 ? new Lookup(s, false, null) : new Lookup(s, false, e)));
        }
        return Uni.join().all(each).andFailFast().chain(lookups -> {
            for (Lookup l : lookups) {
                if (l.found()) {
                    return Uni.createFrom().item(l.service());
                }
            }
            for (Lookup l : lookups) {
                if (l.failure() != null) {
                    return Uni.createFrom().failure(graphQL(l.service()).apply(l.failure()));
                }
            }
            return Uni.createFrom().failure(new NotFoundError("No webhook subscription " + id, null, null,
                    List.of(new GatewayError.FieldError(field, "names no webhook subscription"))));
        });
    }

    private static Function<Throwable, Throwable> graphQL(WebhookService s) {
        Function<Throwable, Throwable> toGraphQL = Downstream.toGraphQL(s.serviceName());
        return t -> t instanceof GatewayError ? t : toGraphQL.apply(t);
    }
}
