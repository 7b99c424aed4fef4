package dev.rapport.gateway.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A service's cursor page, as it arrives: {@code {items, next, cursors}} (one cursor per item, where the service gives them). */
public record Page<T>(List<T> items, String next, List<String> cursors) {
    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    /**
     * Relay edges: each node with the cursor that continues after it; without per-item cursors from the service,
     * only the last node carries one (the next page's).
     */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<T> nodes = itemsOrEmpty();
        List<E> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String cursor = cursors != null && i < cursors.size() ? cursors.get(i) : i == nodes.size() - 1 ? next : null;
            out.add(edge.apply(cursor, nodes.get(i)));
        }
        return out;
    }
}
