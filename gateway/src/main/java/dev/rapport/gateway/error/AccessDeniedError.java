package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("forbidden")
public class AccessDeniedError extends GatewayError {
    public AccessDeniedError(String message) {
        super(message, null, null, null);
    }

    public AccessDeniedError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
