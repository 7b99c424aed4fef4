package dev.rapport.gateway.contact;

import dev.rapport.gateway.common.Connection;
import java.util.List;

import dev.rapport.gateway.common.PageInfo;

/** Cursor connections over contacts-service lists. */
public final class Connections {
    private Connections() {
    }

    public record ContactConnection(List<Contact> nodes, List<ContactEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ContactEdge(String cursor, Contact node) {
    }

    public record InteractionConnection(List<Interaction> nodes, List<InteractionEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record InteractionEdge(String cursor, Interaction node) {
    }

    public record OrganisationConnection(List<Organisation> nodes, List<OrganisationEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record OrganisationEdge(String cursor, Organisation node) {
    }

    public record SignalConnection(List<Signal> nodes, List<SignalEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record SignalEdge(String cursor, Signal node) {
    }
}
