package dev.rapport.gateway.feedback;

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
}
