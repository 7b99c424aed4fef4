package dev.rapport.gateway.error;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("invalid-input")
public class InvalidInputError extends GatewayError {
    public InvalidInputError(String message) {
        super(message, null, null, null);
    }

    /** Refuses, before any service is called, an id that cannot name anything (ids are UUIDs). */
    public static void requireUuid(String field, String value) throws InvalidInputError {
        try {
            java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputError(field + " must be a UUID", null, null, List.of(new FieldError(field, "must be a UUID")));
        }
    }

    public InvalidInputError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        super(message, service, problemType, fieldErrors);
    }
}
