package dev.rapport.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** The caller's query-cost budget is spent (a subscription's poll; over HTTP the request envelope answers it). */
@ErrorCode("rate-limited")
public class RateLimitedError extends GatewayError {
    public RateLimitedError(String message) {
        super(message, null, null, null);
    }
}
