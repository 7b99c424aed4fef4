package dev.rapport.platform.webhooks;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What an admin does with a service's webhook subscriptions: register (checking the URL, the event types and a given
 * secret, each named when wrong), list, pause, resume, delete, replay, and read the delivery log.
 */
public final class WebhookAdmin {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    private final WebhookStore store;
    private final WebhooksConfig config;
    private final List<String> eventTypes;

    public WebhookAdmin(WebhookStore store, WebhooksConfig config, List<String> eventTypes) {
        this.store = store;
        this.config = config;
        this.eventTypes = List.copyOf(eventTypes);
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    /** Registers a subscription; the answer carries the secret, the only time it is shown. */
    public Uni<WebhookSubscriptionView> register(NewWebhookSubscription in, String actor) {
        String url = checkUrl(in.url());
        List<String> types = checkTypes(in.eventTypes());
        String secret = in.secret() == null ? StandardWebhooks.newSecret() : in.secret().strip();
        String problem = StandardWebhooks.secretProblem(secret);
        if (problem != null) {
            return Uni.createFrom().failure(ProblemException.badField("secret", problem));
        }
        String description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        return store.insert(url, description, types, secret, actor).map(s -> s.withSecret(secret));
    }

    public Uni<List<WebhookSubscriptionView>> list() {
        return store.list();
    }

    public Uni<WebhookSubscriptionView> get(UUID id) {
        return store.find(id).map(found -> require(found, id));
    }

    public Uni<WebhookSubscriptionView> pause(UUID id) {
        return store.pause(id).map(found -> require(found, id));
    }

    public Uni<WebhookSubscriptionView> resume(UUID id) {
        return store.resume(id).map(found -> require(found, id));
    }

    /**
     * Replaces the signing secret (the given one, or a generated one), answered once; requests carry a second signature
     * with the previous secret for {@code secret-overlap}, so a receiver can switch without losing a request.
     */
    public Uni<WebhookSubscriptionView> rotate(UUID id, SecretRotation in) {
        String secret = in == null || in.secret() == null ? StandardWebhooks.newSecret() : in.secret().strip();
        String problem = StandardWebhooks.secretProblem(secret);
        if (problem != null) {
            return Uni.createFrom().failure(ProblemException.badField("secret", problem));
        }
        return store.rotate(id, secret, Instant.now().plus(config.secretOverlap()))
                .map(found -> require(found, id).withSecret(secret));
    }

    public Uni<Void> delete(UUID id) {
        return store.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Webhook subscription", id);
            }
            return null;
        });
    }

    public Uni<ReplayRequest.Result> replay(UUID id, ReplayRequest in) {
        if (in.from().isAfter(Instant.now())) {
            return Uni.createFrom().failure(ProblemException.badField("from", "is in the future"));
        }
        return get(id).chain(s -> store.replay(id, in.from())).map(ReplayRequest.Result::new);
    }

    public Uni<Page<WebhookDeliveryView>> deliveries(UUID id, String status, String cursor, Integer limit) {
        int size = Cursor.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        WebhookDeliveryView.Status wanted = status(status);
        return get(id).chain(s -> store.deliveries(id, wanted, cursor, size));
    }

    private static WebhookDeliveryView.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDeliveryView.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "must be PENDING or DELIVERED");
        }
    }

    /** An absolute http(s) URL without credentials; plain http only to the configured local hosts. */
    String checkUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badField("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.badField("url", "must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.badField("url", "must not carry credentials; receivers verify the signature instead");
        }
        if (uri.getFragment() != null) {
            throw ProblemException.badField("url", "must not have a fragment");
        }
        if (scheme.equals("http") && config.insecureHosts().stream().noneMatch(h -> h.equalsIgnoreCase(uri.getHost()))) {
            throw ProblemException.badField("url", "must use https (plain http only to " + String.join(", ", config.insecureHosts()) + ")");
        }
        return uri.toString();
    }

    List<String> checkTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String t : requested) {
            String type = t == null ? "" : t.strip();
            if (!eventTypes.contains(type)) {
                throw ProblemException.badField("eventTypes", "unknown event type '" + type + "'; this service sends "
                        + String.join(", ", eventTypes));
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static WebhookSubscriptionView require(Optional<WebhookSubscriptionView> found, UUID id) {
        return found.orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }
}
