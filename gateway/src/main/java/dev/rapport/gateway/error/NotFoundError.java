package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("not-found")
public class NotFoundError extends GatewayError {
    public NotFoundError(String message) {
        super(message, null, null, null);
    }

    public NotFoundError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
