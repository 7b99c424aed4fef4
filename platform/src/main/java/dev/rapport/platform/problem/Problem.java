package dev.rapport.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI a client can switch on;
 * {@code errors} names every offending field (a JSON path, a query parameter, or a CSV line).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://rapport.dev/problems/";

    public record FieldError(String field, String message) {
    }
}
