package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.common.Page;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;

public record Consultation(@Id String id, String title, String purpose, String status, Instant createdAt, Instant openedAt,
        Instant closedAt, Instant answeredAt, long version, List<Initiative> initiatives) {

    public record Initiative(@Id String id, int position, String title, String description) {
    }

    public record ConsultationConnection(List<Consultation> nodes, List<ConsultationEdge> edges, PageInfo pageInfo) {
        public static ConsultationConnection of(Page<Consultation> page, String after) {
            return new ConsultationConnection(page.itemsOrEmpty(), page.edges(ConsultationEdge::new), PageInfo.of(page, after));
        }

        /** A nested list: one page per parent, cursors only where the service gives them. */
        public static ConsultationConnection nested(Page<Consultation> page) {
            return new ConsultationConnection(page.itemsOrEmpty(), page.edges(ConsultationEdge::new), PageInfo.of(page.next()));
        }
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ConsultationEdge(String cursor, Consultation node) {
    }
}
