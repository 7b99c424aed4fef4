package dev.rapport.gateway.clients;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.error.ConflictError;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.GatewayError.FieldError;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.error.NotFoundError;
import dev.rapport.gateway.error.RuleBrokenError;
import jakarta.ws.rs.core.Response;

/**
 * A 4xx answer from a service: the caller's fault, so never retried and never counted by a circuit breaker. Carries
 * the service's problem+json (RFC 9457) so the GraphQL error can name the field and the service's stable type.
 */
public final class ProblemResponse extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURSOR = "cursor";
    private static final String AFTER = "after";

    private final String service;
    private final int status;
    private final String type;
    private final String detail;
    private final List<FieldError> errors;

    ProblemResponse(String service, int status, String type, String detail, List<FieldError> errors) {
        super(service + " answered " + status, null, false, false);
        this.service = service;
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    /** For {@code @ClientExceptionMapper}: 4xx becomes a ProblemResponse; anything else stays a server failure. */
    public static RuntimeException from(String service, Response response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || status == 401 || status == 408 || status == 429) {
            return new DownstreamFailure(service + " answered " + status);
        }
        String type = null;
        String detail = null;
        List<FieldError> errors = List.of();
        try {
            if (response.hasEntity()) {
                JsonNode body = JSON.readTree(response.readEntity(String.class));
                type = text(body, "type");
                detail = text(body, "detail");
                if (detail != null && detail.startsWith(CURSOR + ":")) {
                    detail = AFTER + detail.substring(CURSOR.length());
                }
                if (body.path("errors").isArray()) {
                    errors = new java.util.ArrayList<>();
                    for (JsonNode e : body.get("errors")) {
                        errors.add(new FieldError(argumentOf(text(e, "field")), text(e, "message")));
                    }
                }
            }
        } catch (Exception notJson) {
            // a body that is not problem+json: the status alone still says what happened
        }
        return new ProblemResponse(service, status, type, detail, errors);
    }

    /**
     * The services page with {@code cursor}; every GraphQL connection passes it as {@code after}, so a refused cursor
     * names the argument the caller wrote.
     */
    private static String argumentOf(String field) {
        return CURSOR.equals(field) ? AFTER : field;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The GraphQL error the caller sees; the service's own detail is shown because it describes the caller's input. */
    public GatewayError toGraphQL() {
        String message = detail != null ? detail : switch (status) {
            case 400 -> "The input is invalid";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Changed by someone else; reload and retry";
            default -> "Refused by " + service;
        };
        return switch (status) {
            case 400, 413, 415 -> new InvalidInputError(message, service, type, errors);
            case 403 -> new AccessDeniedError(message, service, type, errors);
            case 404, 410 -> new NotFoundError(message, service, type, errors);
            case 409, 412 -> new ConflictError(message, service, type, errors);
            default -> new RuleBrokenError(message, service, type, errors);
        };
    }
}
