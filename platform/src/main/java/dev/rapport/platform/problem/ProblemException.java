package dev.rapport.platform.problem;

import java.util.List;

/** A caller-caused failure that becomes a problem+json response. Thrown from the service layer. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final int retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        this(status, type, title, detail, errors, 0);
    }

    private ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503 with {@code Retry-After}: the service cannot answer now (its database is slow or away); try again. */
    public static ProblemException unavailable(String type, String detail, int retryAfterSeconds) {
        return new ProblemException(503, type, "Service unavailable", detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, List.of());
    }

    public static ProblemException rule(String type, String detail) {
        return new ProblemException(422, type, "Rule violated", detail, List.of());
    }

    /** A well-formed value that breaks a rule about the current state (e.g. it names something that does not exist). */
    public static ProblemException ruleOnField(String type, String field, String message) {
        return new ProblemException(422, type, "Rule violated", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    /** Seconds for a {@code Retry-After} header; 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), instance, errors);
    }
}
