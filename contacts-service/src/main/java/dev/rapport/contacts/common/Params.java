package dev.rapport.contacts.common;

import dev.rapport.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.UUID;

/** Query parameters parsed by hand, so a malformed one is a 400 naming it rather than JAX-RS's bare 404. */
public final class Params {
    private Params() {
    }

    public static BigDecimal decimal(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(param, "must be a number");
        }
    }

    public static UUID uuid(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(param, "must be a UUID");
        }
    }
}
