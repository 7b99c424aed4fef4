package dev.rapport.gateway.error;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLException;

/**
 * A failure the caller should see, with a stable {@code code} (from {@link io.smallrye.graphql.api.ErrorCode} on each
 * subclass) and, when a service refused the input, that service's problem type and field errors (see
 * {@link ProblemExtensionProvider}). Checked, so SmallRye shows its message; the message never carries internal text.
 */
public abstract class GatewayError extends GraphQLException {
    private final String service;
    private final String problemType;
    private final List<FieldError> fieldErrors;

    protected GatewayError(String message, String service, String problemType, List<FieldError> fieldErrors) {
        this(message, service, problemType, fieldErrors, null);
    }

    /** With {@code partialResults}: the field still answers them, beside this error (a partial answer). */
    protected GatewayError(String message, String service, String problemType, List<FieldError> fieldErrors,
            Object partialResults) {
        super(message, partialResults);
        this.service = service;
        this.problemType = problemType;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public String service() {
        return service;
    }

    public String problemType() {
        return problemType;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public record FieldError(String field, String message) {
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcomes, not bugs: no stack trace to build or to leak
    }
}
