package dev.rapport.gateway.feedback;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("What customers said matters, ranked: score 0–100 from essential/important/low-but-important/not-important.")
public record Priorities(@Id String consultationId, long respondents, String scoreDefinition, List<Priority> initiatives) {
    public record Priority(@Id String initiativeId, int position, String title, int rank, BigDecimal score, long ratings,
            @Description("How many put it in each bucket (the stacked bars of a priorities chart)") BucketCounts counts) {
    }

    public record BucketCounts(long essential, long important, long lowButImportant, long notImportant) {
    }
}
