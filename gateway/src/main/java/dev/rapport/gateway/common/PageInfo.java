package dev.rapport.gateway.common;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a connection stops: pass endCursor back as `after` while hasNextPage is true.")
public record PageInfo(String endCursor, boolean hasNextPage) {
    public static PageInfo of(String next) {
        return new PageInfo(next, next != null);
    }
}
