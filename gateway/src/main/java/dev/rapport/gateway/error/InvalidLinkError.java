package dev.rapport.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** A link that is not one this deployment made, was altered, or has expired. */
@ErrorCode("invalid-link")
public class InvalidLinkError extends GatewayError {
    public InvalidLinkError(String message) {
        super(message, null, null, null);
    }
}
