package dev.rapport.gateway.clients;

/** A service failed (5xx, 401 on a propagated token, refused connection): retried, counted by the breaker. */
public final class DownstreamFailure extends RuntimeException {
    public DownstreamFailure(String message) {
        super(message, null, false, false);
    }
}
