package dev.rapport.gateway.common;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a connection's page starts and stops (Relay): pass endCursor back as `after` while hasNextPage is true.")
public record PageInfo(String endCursor, boolean hasNextPage,
        @Description("True when this page was asked `after` a cursor (the list goes on before it)") boolean hasPreviousPage,
        @Description("The first node's cursor, when the service gives one per node") String startCursor) {

    /** For a nested list whose service gives only the cursor of the next page. */
    public static PageInfo of(String next) {
        return new PageInfo(next, next != null, false, null);
    }

    public static PageInfo of(Page<?> page, String after) {
        List<String> cursors = page.cursors();
        return new PageInfo(page.next(), page.next() != null, after != null && !after.isBlank(),
                cursors == null || cursors.isEmpty() ? null : cursors.get(0));
    }
}
