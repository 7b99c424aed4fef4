package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("conflict")
public class ConflictError extends GatewayError {
    public ConflictError(String message) {
        super(message, null, null, null);
    }

    public ConflictError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
