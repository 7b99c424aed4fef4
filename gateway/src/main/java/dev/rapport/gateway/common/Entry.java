package dev.rapport.gateway.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A free-form key/value pair (interaction details, signal facts). */
public record Entry(String key, String value) {
    public static List<Entry> of(Map<String, ?> map) {
        return map == null ? List.of()
                : map.entrySet().stream().map(e -> new Entry(e.getKey(), Objects.toString(e.getValue(), null))).toList();
    }
}
