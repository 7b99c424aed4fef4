package dev.rapport.gateway.segment;

import org.eclipse.microprofile.graphql.Description;

@Description("FILTER: search criteria evaluated whenever the segment is used. STATIC: a list of contacts, replaced whole "
        + "by setSegmentMembers.")
public enum SegmentKind {
    FILTER, STATIC
}
