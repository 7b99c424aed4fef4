package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.common.Connection;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("ConsultationResponse")
@Description("A person's ranking of a consultation's initiatives in four buckets, "
        + "with optional comments. A person's list shows only responses given under their name, never anonymous ones.")
public record FeedbackResponse(@Id String id, @Id String consultationId, boolean anonymous, @Id String contactId, Instant submittedAt,
        List<InitiativeRating> ratings) {

    public record InitiativeRating(@Id String initiativeId,
            Bucket bucket, String comment) {
    }

    public record ConsultationResponseConnection(List<FeedbackResponse> nodes, List<ConsultationResponseEdge> edges, PageInfo pageInfo,
            @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record ConsultationResponseEdge(String cursor, FeedbackResponse node) {
    }
}
