package dev.rapport.k8scheck.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for walking and copying the map-and-list trees YAML parses into. */
public final class Tree {

    private Tree() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        return node instanceof List ? (List<Object>) node : List.of();
    }

    /** The value at a path of map keys, or null. */
    public static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            Map<String, Object> map = map(current);
            if (map == null) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    /** The map at a path, created (with every missing map on the way) when absent. */
    public static Map<String, Object> mapAt(Map<String, Object> node, String... path) {
        Map<String, Object> current = node;
        for (String key : path) {
            Map<String, Object> next = map(current.get(key));
            if (next == null) {
                next = new LinkedHashMap<>();
                current.put(key, next);
            }
            current = next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), deepCopy(value)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(deepCopy(value)));
            return (T) copy;
        }
        return node;
    }
}
