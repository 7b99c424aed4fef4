package dev.rapport.gateway.rating;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("1–5 stars on an interaction, a case or a staff member.")
public record Rating(@Id String id, RatingSubjectType subjectType, String subjectId,
        String staff, String touchpoint, int stars, String comment, @Id String contactId, Instant ratedAt) {
}
