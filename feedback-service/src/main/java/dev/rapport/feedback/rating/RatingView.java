package dev.rapport.feedback.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatingView(UUID id, SubjectType subjectType, String subjectId, String staff, String touchpoint, int stars,
        String comment, UUID contactId, Instant ratedAt) {

    public static RatingView from(Rating r) {
        return new RatingView(r.id, r.subjectType, r.subjectId, r.staff, r.touchpoint, r.stars, r.comment, r.contactId, r.ratedAt);
    }
}
