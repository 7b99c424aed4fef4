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

    /**
     * A partial answer: the field answers what the services that could answer gave, and this error names the ones that
     * could not ({@code extensions.problem.service}; several are comma-separated).
     */
    public static ServiceUnavailableError partial(List<String> services, Object partialResults) {
        String names = String.join(", ", services);
        return new ServiceUnavailableError(names + (services.size() == 1 ? " is" : " are")
                + " unavailable; the answer lacks what " + (services.size() == 1 ? "it keeps" : "they keep"), names,
                partialResults);
    }

    private ServiceUnavailableError(String message, String service, Object partialResults) {
        super(message, service, null, null, partialResults);
    }
}
