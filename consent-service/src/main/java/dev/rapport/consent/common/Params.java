package dev.rapport.consent.common;

import dev.rapport.consent.purpose.Purposes;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.web.QueryParams;
import java.time.Instant;
import java.util.UUID;

/** Query parameters parsed here, so a bad one is a 400 naming it rather than a framework 404. */
public final class Params {
    private Params() {
    }

    public static Instant instant(String name, String value) {
        return QueryParams.instant(name, value);
    }

    public static UUID uuid(String name, String value) {
        return QueryParams.uuid(name, value);
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
