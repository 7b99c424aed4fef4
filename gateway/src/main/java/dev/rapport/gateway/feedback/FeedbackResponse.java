package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("ConsultationResponse")
public record FeedbackResponse(@Id String id, String consultationId, boolean anonymous, String contactId, Instant submittedAt,
        List<InitiativeRating> ratings) {

    public record InitiativeRating(String initiativeId,
            String bucket, String comment) {
    }
}
