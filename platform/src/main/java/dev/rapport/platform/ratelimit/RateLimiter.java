package dev.rapport.platform.ratelimit;

import java.time.Duration;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The service's limits ({@link RateLimitConfig}), shared by {@link RateLimitFilter} (rules counting calls, checked
 * before a body is read) and by the endpoints whose rule counts ids: they name the caller while the request is
 * theirs ({@link #caller}) and pace what they read ({@link #pace}). Application-scoped and created at the first
 * request, when the runtime configuration is there.
 */
@ApplicationScoped
public class RateLimiter {
    @Inject
    RateLimitConfig config;
    @Inject
    SecurityIdentity identity;

    private volatile RateLimits limits;

    RateLimits limits() {
        if (limits == null) {
            synchronized (this) {
                if (limits == null) {
                    limits = new RateLimits(config, System::nanoTime);
                }
            }
        }
        return limits;
    }

    /** Whose budget a call spends: the token's subject; the client address without one. */
    public String caller(HttpServerRequest http) {
        return identity == null || identity.isAnonymous()
                ? "address:" + (http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                : "principal:" + identity.getPrincipal().getName();
    }

    /**
     * Takes {@code ids} from the caller's budget under {@code rule} (one with {@code counts=ids}) and completes when
     * the caller may go on: at once within the budget, after the wait that keeps it to the rule's rate beyond it.
     */
    public Uni<Void> pace(String rule, String caller, long ids) {
        Duration wait = limits().take(rule, caller, ids);
        return wait.isZero() ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }
}
