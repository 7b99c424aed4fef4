package dev.rapport.gateway.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Description("Star ratings over [from, to), grouped by staff member or touchpoint, plus overall.")
public record RatingReport(Instant from, Instant to, String by, Group overall, List<Group> groups) {

    @Name("RatingGroup")
    @Description("Count, average (2 decimals) and count per star (index 0 = 1 star … 4 = 5 stars).")
    public record Group(@Description("Staff username or touchpoint; null for ratings without one") String key, long count,
            BigDecimal average, List<Long> distribution) {
    }
}
