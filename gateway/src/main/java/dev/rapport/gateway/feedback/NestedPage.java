package dev.rapport.gateway.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PageInfo;

/**
 * One parent's page of a list nested in a thread, a case or a consultation, as feedback-service's bulk reads answer it
 * ({@code GET /threads/messages?threadIds=}, …): the items, one cursor per item, the next page's cursor and the
 * whole list's count, which the service reads in the same statement.
 */
public record NestedPage<T>(String id, List<T> items, String next, List<String> cursors, Long total) {
    /** The description of {@code totalCount} on these connections. */
    public static final String TOTAL_COUNT = "How many nodes the whole list has (feedback-service counts them in the statement "
            + "that reads the page).";

    /** The pages in the order of {@code ids} (repeats included); a parent the service left out gets an empty page. */
    public static <T> List<NestedPage<T>> inOrder(List<String> ids, List<NestedPage<T>> found) {
        Map<String, NestedPage<T>> byId = new HashMap<>();
        found.forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(id -> byId.getOrDefault(id, new NestedPage<>(id, List.of(), null, List.of(), 0L))).toList();
    }

    /** This page as its connection; {@code after} is what the caller passed. */
    public <E, C> C connection(String after, BiFunction<String, T, E> edge, Connection.Shape<T, E, C> shape) {
        Page<T> page = new Page<>(items, next, cursors);
        return shape.of(page.itemsOrEmpty(), page.edges(edge), PageInfo.of(page, after), total == null ? null : total.intValue());
    }
}
