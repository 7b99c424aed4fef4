package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("service-unavailable")
public class ServiceUnavailableError extends GatewayError {
    public ServiceUnavailableError(String message) {
        super(message, null, null, null);
    }

    public ServiceUnavailableError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
