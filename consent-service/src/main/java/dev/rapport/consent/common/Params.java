package dev.rapport.consent.common;

import dev.rapport.consent.purpose.Purposes;
import dev.rapport.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters parsed here, so a bad one is a 400 naming it rather than a framework 404. */
public final class Params {
    private Params() {
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "has the wrong format (expected an ISO-8601 UTC instant such as 2026-01-31T12:00:00Z)");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.strip().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "is not a UUID");
        }
    }

    public static Channel channel(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be one of " + java.util.Arrays.toString(Channel.values()));
        }
    }

    public static String purpose(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badField(name, "is required");
            }
            return null;
        }
        if (!value.matches(Purposes.CODE_PATTERN)) {
            throw ProblemException.badField(name, "is not a purpose code");
        }
        return value;
    }
}
