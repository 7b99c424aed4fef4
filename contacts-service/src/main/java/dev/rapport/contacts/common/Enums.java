package dev.rapport.contacts.common;

import dev.rapport.platform.problem.ProblemException;
import java.util.Arrays;

public final class Enums {
    private Enums() {
    }

    /** Parses a query parameter into an enum constant; null when absent, a 400 naming the parameter when unknown. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(param, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
