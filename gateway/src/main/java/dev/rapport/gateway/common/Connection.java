package dev.rapport.gateway.common;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds every Relay connection of the schema from a service's page. Each connection stays its own record (its GraphQL
 * type name is the contract), built here in one way: {@code Connection.of(page, after, FooEdge::new, FooConnection::new)}.
 */
public final class Connection {
    public static final String TOTAL_COUNT = "How many nodes the whole list has, when that is known without counting: the list "
            + "fits in this page (asked from its start, no next page). Null otherwise: counting a long list would cost a "
            + "query per page.";

    private Connection() {
    }

    /** A connection record's canonical constructor. */
    @FunctionalInterface
    public interface Shape<T, E, C> {
        C of(List<T> nodes, List<E> edges, PageInfo pageInfo, Integer totalCount);
    }

    /**
     * A root list (the service gives a cursor per node) or a nested one (one page per parent, only the next page's
     * cursor); {@code after} is what the caller passed.
     */
    public static <T, E, C> C of(Page<T> page, String after, BiFunction<String, T, E> edge, Shape<T, E, C> shape) {
        return shape.of(page.itemsOrEmpty(), page.edges(edge), PageInfo.of(page, after), totalCount(page, after));
    }

    /**
     * Known without counting only when this page is the whole list (asked from the start, nothing after it); a count
     * of a longer list would cost the service a query per page, so it is null then.
     */
    static Integer totalCount(Page<?> page, String after) {
        return (after == null || after.isBlank()) && page.next() == null ? page.itemsOrEmpty().size() : null;
    }
}
