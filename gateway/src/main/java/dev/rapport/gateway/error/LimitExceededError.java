package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("limit-exceeded")
public class LimitExceededError extends GatewayError {
    public LimitExceededError(String message) {
        super(message, null, null, null);
    }

    public LimitExceededError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
