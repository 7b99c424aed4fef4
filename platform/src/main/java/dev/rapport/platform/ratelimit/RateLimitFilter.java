package dev.rapport.platform.ratelimit;

import java.util.Optional;

import dev.rapport.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimitConfig} to every service that has platform on its class path: a caller over the limit of a
 * bulk endpoint gets {@code 429} with {@code Retry-After} and a problem document, before the body is read (for a rule
 * counting ids: when the call starts with the caller's budget spent).
 */
@ApplicationScoped
public class RateLimitFilter {
    @Inject
    RateLimiter limiter;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        return limiter.limits().check(request.getMethod(), request.getUriInfo().getPath(), limiter.caller(http))
                .map(refusal -> Response.status(429)
                        .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds())
                        .type(Problem.MEDIA_TYPE)
                        .entity(refusal.problem())
                        .build());
    }
}
