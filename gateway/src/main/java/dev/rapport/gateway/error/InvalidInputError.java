package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("invalid-input")
public class InvalidInputError extends GatewayError {
    public InvalidInputError(String message) {
        super(message, null, null, null);
    }

    public InvalidInputError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
