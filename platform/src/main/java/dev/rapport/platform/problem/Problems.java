package dev.rapport.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Turns any throwable into a problem document. Only messages we wrote ourselves reach the wire;
 * library messages are reduced to the field they name, and unexpected failures to a log reference.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    public static Problem from(Throwable failure, String instance) {
        Throwable t = unwrap(failure);
        if (t instanceof ProblemException p) {
            return p.toProblem(instance);
        }
        if (t instanceof ConstraintViolationException cve) {
            return invalid(instance, violations(cve));
        }
        Optional<JsonProcessingException> json = find(t, JsonProcessingException.class);
        if (json.isPresent()) {
            return invalid(instance, List.of(jsonError(json.get())));
        }
        if (t instanceof IllegalArgumentException && isOwnMessage(t)) {
            return invalid(instance, List.of(new Problem.FieldError("body", t.getMessage())));
        }
        if (isOptimisticLock(t)) {
            return new Problem(Problem.TYPE_PREFIX + "version-conflict", "Conflict", 409,
                    "The resource was changed by someone else; read it again and retry with the current version",
                    instance, List.of());
        }
        if (databaseUnavailable(t)) {
            LOG.warnf("The database cannot be reached: %s", t.toString());
            return new Problem(Problem.TYPE_PREFIX + "database-unavailable", "Service unavailable", 503,
                    "The service cannot reach its database just now; try again shortly (a write with the same Idempotency-Key)", instance,
                    List.of());
        }
        Optional<PgException> pg = find(t, PgException.class);
        if (pg.isPresent()) {
            Problem mapped = fromDatabase(pg.get(), instance);
            if (mapped != null) {
                return mapped;
            }
        }
        if (t instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            return new Problem(Problem.TYPE_PREFIX + slug(status), reason(status), status, reason(status), instance, List.of());
        }
        String ref = UUID.randomUUID().toString();
        LOG.errorf(t, "Unexpected failure, reference %s", ref);
        return new Problem(Problem.TYPE_PREFIX + "internal", "Internal error", 500,
                "Something went wrong on our side; reference " + ref, instance, List.of());
    }

    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || isHibernateWrapper(current)) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isHibernateWrapper(Throwable t) {
        String n = t.getClass().getName();
        return n.equals("org.hibernate.HibernateException") || n.equals("jakarta.persistence.PersistenceException")
                || n.equals("org.hibernate.exception.ConstraintViolationException")
                || n.equals("org.hibernate.exception.DataException");
    }

    private static boolean isOwnMessage(Throwable t) {
        return t.getMessage() != null && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith("dev.rapport.");
    }

    private static boolean isOptimisticLock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String n = c.getClass().getName();
            if (n.equals("org.hibernate.StaleObjectStateException") || n.equals("jakarta.persistence.OptimisticLockException")
                    || n.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Problem invalid(String instance, List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return new Problem(Problem.TYPE_PREFIX + "invalid-request", "Invalid request", 400, detail, instance, errors);
    }

    private static List<Problem.FieldError> violations(ConstraintViolationException cve) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /**
     * "create.body.points[0].address" becomes "points[0].address"; a bad query parameter keeps its own name.
     * Bean Validation puts a list index on the node after the list, so it is written before that node's name.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            boolean last = i == nodes.size() - 1;
            if (n.getKind() == ElementKind.PARAMETER && !last) {
                continue;
            }
            if (n.isInIterable()) {
                Object at = n.getIndex() != null ? n.getIndex() : n.getKey();
                if (at != null) {
                    out.append('[').append(at).append(']');
                }
            }
            String name = n.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static Problem.FieldError jsonError(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme) {
            String field = jsonPath(jme);
            if (jme instanceof UnrecognizedPropertyException u) {
                return new Problem.FieldError(field, "unknown field '" + u.getPropertyName() + "'");
            }
            if (jme instanceof InvalidFormatException ife) {
                Class<?> target = ife.getTargetType();
                if (target != null && target.isEnum()) {
                    return new Problem.FieldError(field, "must be one of " + enumValues(target));
                }
                return new Problem.FieldError(field, "has the wrong format" + expected(target));
            }
            if (jme instanceof InvalidTypeIdException) {
                return new Problem.FieldError(field, "has an unknown type");
            }
            if (jme instanceof ValueInstantiationException vie && vie.getCause() != null && isOwnMessage(vie.getCause())) {
                return new Problem.FieldError(field, vie.getCause().getMessage());
            }
            if (jme instanceof MismatchedInputException mie) {
                Class<?> target = mie.getTargetType();
                if (target != null && target.isEnum()) {
                    return new Problem.FieldError(field, "must be one of " + enumValues(target));
                }
                return new Problem.FieldError(field, "has the wrong type" + expected(target));
            }
            return new Problem.FieldError(field, "is not valid");
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new Problem.FieldError("body", "is not well-formed JSON" + where);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        String name = target.getSimpleName();
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class || target == double.class) {
            return " (expected a number)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return " (expected true or false)";
        }
        if (name.equals("Instant")) {
            return " (expected an ISO-8601 UTC instant such as 2026-01-31T12:00:00Z)";
        }
        if (name.equals("LocalDate")) {
            return " (expected a date such as 2026-06-30)";
        }
        if (name.equals("UUID")) {
            return " (expected a UUID)";
        }
        if (target == String.class) {
            return " (expected a string)";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return " (expected an array)";
        }
        return " (expected an object)";
    }

    private static String enumValues(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            names.add(String.valueOf(c));
        }
        return String.join(", ", names);
    }

    /**
     * The database is away or restarting (connection refused or lost, the server shutting down or not yet accepting):
     * a 503 the caller may retry, not an internal error.
     */
    static boolean databaseUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof ClosedConnectionException
                    || c instanceof ConnectTimeoutException) {
                return true;
            }
            if (c instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P")
                            || pg.getSqlState().equals("53300"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static Problem fromDatabase(PgException pg, String instance) {
        String state = pg.getSqlState();
        if (state == null) {
            return null;
        }
        switch (state) {
            case "23505":
                return new Problem(Problem.TYPE_PREFIX + "duplicate", "Conflict", 409,
                        "A record with the same identity already exists", instance, List.of());
            case "22001":
                return invalid(instance, List.of(new Problem.FieldError(columnOf(pg), "is too long")));
            case "22P02", "22003", "22007", "22008":
                return invalid(instance, List.of(new Problem.FieldError(columnOf(pg), "is out of range or malformed")));
            case "23503":
                return new Problem(Problem.TYPE_PREFIX + "unknown-reference", "Rule violated", 422,
                        "The request refers to something that does not exist", instance, List.of());
            default:
                return null;
        }
    }

    private static String columnOf(PgException pg) {
        return pg.getColumn() != null ? pg.getColumn() : "body";
    }

    private static String slug(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> "HTTP " + status;
        };
    }
}
