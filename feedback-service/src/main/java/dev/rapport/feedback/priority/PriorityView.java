package dev.rapport.feedback.priority;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PriorityView(
        UUID initiativeId,
        int position,
        String title,
        @Schema(description = "1 = most important; equal scores share a rank (1, 2, 2, 4); unrated initiatives come last")
        int rank,
        @Schema(description = "0–100: mean bucket weight (essential 3, important 2, low-but-important 1, not important 0) × 100 / 3; "
                + "null when nobody rated it", example = "83.33")
        BigDecimal score,
        long ratings,
        BucketCounts<Long> counts,
        BucketCounts<BigDecimal> distribution) {
}
