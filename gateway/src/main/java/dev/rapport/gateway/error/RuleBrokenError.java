package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("rule-broken")
public class RuleBrokenError extends GatewayError {
    public RuleBrokenError(String message) {
        super(message, null, null, null);
    }

    public RuleBrokenError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
