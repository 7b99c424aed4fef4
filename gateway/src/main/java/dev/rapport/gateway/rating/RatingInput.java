package dev.rapport.gateway.rating;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Passed through as JSON and validated by feedback-service. */
@Input("RatingInput")
public record RatingInput(RatingSubjectType subjectType,
        @Description("Interaction id, case id, or staff username") String subjectId,
        @Description("Who served; defaults to subjectId for STAFF ratings") String staff, String touchpoint,
        @Description("Whole number of stars 1–5 (4.5 is refused, not rounded)") Integer stars, String comment,
        @Id String contactId, @Description("Defaults to now") Instant ratedAt) {
}
