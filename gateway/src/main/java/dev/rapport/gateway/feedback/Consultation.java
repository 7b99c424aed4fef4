package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.PageInfo;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;

public record Consultation(@Id String id, String title, String purpose, ConsultationStatus status, Instant createdAt, Instant openedAt,
        Instant closedAt, Instant answeredAt, long version) {

    public record Initiative(@Id String id, int position, String title, String description) {
    }

    @org.eclipse.microprofile.graphql.Description("A consultation's initiatives, in list order.")
    public record InitiativeConnection(List<Initiative> nodes, List<InitiativeEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(NestedPage.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record InitiativeEdge(String cursor, Initiative node) {
    }

    public record ConsultationConnection(List<Consultation> nodes, List<ConsultationEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ConsultationEdge(String cursor, Consultation node) {
    }
}
