package dev.rapport.feedback.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Star ratings over [from, to), grouped by staff member or touchpoint. */
public record RatingReport(Instant from, Instant to, String by, Group overall, List<Group> groups) {

    public record Group(
            @Schema(description = "Staff username or touchpoint; null for ratings without one") String key,
            long count,
            @Schema(example = "4.25") BigDecimal average,
            @Schema(description = "Count per star, index 0 = 1 star … index 4 = 5 stars") List<Long> distribution) {
    }
}
