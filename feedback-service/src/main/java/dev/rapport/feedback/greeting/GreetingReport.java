package dev.rapport.feedback.greeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per touchpoint (and overall) over [from, to). */
public record GreetingReport(Instant from, Instant to, Row overall, List<Row> touchpoints) {

    public record Row(
            String touchpoint,
            @Schema(description = "Visitor encounters recorded") long visitors,
            long greeted,
            long offeredHelp,
            long askedForSomething,
            @Schema(description = "greeted / visitors") BigDecimal shareGreeted,
            @Schema(description = "askedForSomething / visitors") BigDecimal shareAsked,
            @Schema(description = "askedForSomething / offeredHelp") BigDecimal shareAskedWhenOffered) {
    }
}
