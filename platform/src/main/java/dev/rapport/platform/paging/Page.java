package dev.rapport.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list; {@code next} is null on the last page. {@code cursors} holds one cursor per item
 * (the list continues after that item when it is passed back), so clients can resume anywhere (GraphQL edges).
 */
public record Page<T>(List<T> items, String next, List<String> cursors) {

    /**
     * Builds a page from up to {@code limit + 1} fetched rows: the extra row only tells that more exist.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, T> view, Function<E, String> cursorOf) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        List<String> cursors = rows.stream().map(cursorOf).toList();
        String next = more ? cursors.get(cursors.size() - 1) : null;
        return new Page<>(rows.stream().map(view).toList(), next, cursors);
    }
}
