package dev.rapport.gateway.greeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Description("Greetings per touchpoint (and overall) over [from, to).")
public record GreetingReport(Instant from, Instant to, Row overall, List<Row> touchpoints) {

    @Name("GreetingReportRow")
    public record Row(String touchpoint, @Description("Visitor encounters recorded") long visitors, long greeted,
            long offeredHelp, long askedForSomething, @Description("greeted / visitors") BigDecimal shareGreeted,
            @Description("askedForSomething / visitors") BigDecimal shareAsked,
            @Description("askedForSomething / offeredHelp") BigDecimal shareAskedWhenOffered) {
    }
}
