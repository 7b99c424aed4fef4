package dev.rapport.gateway.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

import dev.rapport.gateway.error.GatewayError.FieldError;
import dev.rapport.gateway.error.InvalidInputError;

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
     * A nested list: each parent's page (all from one bulk call) as its own connection, in the parents' order.
     * {@code after} applied to every parent, as the services do.
     */
    public static <T, E, C> List<C> each(List<Page<T>> pages, String after, BiFunction<String, T, E> edge,
            Shape<T, E, C> shape) {
        return pages.stream().map(p -> of(p, after, edge, shape)).toList();
    }

    /** The largest {@code first} of a connection. */
    public static final int MAX_FIRST = 100;

    /** {@code first} as asked, or invalid-input naming it outside 1–{@value #MAX_FIRST}. */
    public static int first(int first) throws InvalidInputError {
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInputError("first must be between 1 and " + MAX_FIRST, null, null,
                    List.of(new FieldError("first", "must be between 1 and " + MAX_FIRST)));
        }
        return first;
    }

    /**
     * {@code after} as the caller passed it, when it has the shape of the services' cursors (base64url of a versioned
     * key list); anything else is invalid-input naming {@code after}, before a service is asked. A cursor of the right
     * shape that the service cannot read is refused by the service, and named {@code after} too.
     */
    public static String after(String after) throws InvalidInputError {
        if (after == null || after.isEmpty()) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            raw = "";
        }
        if (!raw.startsWith("v1\u001f")) {
            throw new InvalidInputError("after: is not a cursor this API returned (pass back an endCursor or an edge's cursor)",
                    null, null, List.of(new FieldError("after", "is not a cursor this API returned")));
        }
        return after;
    }

    /**
     * Known without counting only when this page is the whole list (asked from the start, nothing after it); a count
     * of a longer list would cost the service a query per page, so it is null then.
     */
    static Integer totalCount(Page<?> page, String after) {
        return (after == null || after.isBlank()) && page.next() == null ? page.itemsOrEmpty().size() : null;
    }
}
