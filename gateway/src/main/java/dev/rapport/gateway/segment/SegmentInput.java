package dev.rapport.gateway.segment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SegmentInput")
@Description("A segment's definition. kind FILTER (default) needs filter (empty: every contact); STATIC has none.")
public record SegmentInput(@NonNull String name, String description, SegmentKind kind, SegmentFilter filter) {
}
