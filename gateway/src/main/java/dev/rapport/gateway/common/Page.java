package dev.rapport.gateway.common;

import java.util.List;

/** A service's cursor page, as it arrives: {@code {items, next}}. */
public record Page<T>(List<T> items, String next) {
    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
