package dev.rapport.feedback.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseView(UUID id, UUID consultationId, boolean anonymous, UUID contactId, Instant submittedAt,
        List<RatingView> ratings) {

    public record RatingView(UUID initiativeId, Bucket bucket, String comment) {
        static RatingView from(ResponseRating r) {
            return new RatingView(r.initiativeId, Bucket.ofWeight(r.bucket), r.comment);
        }
    }

    public static ResponseView from(Response r, List<ResponseRating> ratings) {
        return new ResponseView(r.id, r.consultationId, r.anonymous, r.contactId, r.submittedAt,
                ratings.stream().map(RatingView::from).toList());
    }
}
