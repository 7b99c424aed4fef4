package dev.rapport.gateway.common;

import java.util.List;

/** GraphQL enums travel to the services as their names: query parameters and JSON alike. */
public final class Enums {
    private Enums() {
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enums::name).toList();
    }

    /** An argument as graphql-java hands it over before SmallRye maps it: the constant, or its name. */
    public static <E extends Enum<E>> E of(Class<E> type, Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof String s) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(s)) {
                    return constant;
                }
            }
        }
        return null;
    }
}
