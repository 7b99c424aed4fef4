package dev.rapport.platform.ratelimit;

import java.util.Optional;

import dev.rapport.platform.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimitConfig} to every service that has platform on its class path: a caller over the limit of a
 * bulk endpoint gets {@code 429} with {@code Retry-After} and a problem document, before the body is read.
 * Application-scoped so it is created at the first request, when the runtime configuration is there.
 */
@ApplicationScoped
public class RateLimitFilter {
    @Inject
    RateLimitConfig config;
    @Inject
    SecurityIdentity identity;

    private volatile RateLimits limits;

    private RateLimits limits() {
        if (limits == null) {
            synchronized (this) {
                if (limits == null) {
                    limits = new RateLimits(config, System::nanoTime);
                }
            }
        }
        return limits;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String caller = identity == null || identity.isAnonymous()
                ? "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                : "principal:" + identity.getPrincipal().getName();
        return limits().check(request.getMethod(), request.getUriInfo().getPath(), caller)
                .map(refusal -> Response.status(429)
                        .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds())
                        .type(Problem.MEDIA_TYPE)
                        .entity(refusal.problem())
                        .build());
    }
}
