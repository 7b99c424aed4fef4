package dev.rapport.platform.web;

import dev.rapport.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Query parameters parsed by hand, so a malformed one is a 400 naming it rather than JAX-RS's bare 404.
 * Every method answers null for an absent or blank value.
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "is not a UUID");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name,
                    "has the wrong format (expected an ISO-8601 UTC instant such as 2026-01-31T12:00:00Z)");
        }
    }

    public static BigDecimal decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be a number");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Ids given comma-separated and/or repeated, distinct, in the order asked; between 1 and {@code max} of them. */
    public static List<UUID> uuids(String name, List<String> raw, int max) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (raw != null) {
            for (String part : raw) {
                for (String id : part.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(uuid(name, id));
                    }
                }
            }
        }
        if (ids.isEmpty() || ids.size() > max) {
            throw ProblemException.badField(name, "give between 1 and " + max + " ids");
        }
        return new ArrayList<>(ids);
    }
}
