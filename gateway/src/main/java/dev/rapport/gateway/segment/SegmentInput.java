package dev.rapport.gateway.segment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SegmentInput")
@Description("A segment's definition. kind FILTER (default) needs filter (empty: every contact); STATIC has none.")
// name is checked by contacts-service (invalid-input naming the field), after the role check: a non-null type would
// refuse a caller's empty input before the gateway could say the role may not create segments
public record SegmentInput(@Description("Required") String name, String description, SegmentKind kind, SegmentFilter filter) {
}
