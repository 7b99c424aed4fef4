package dev.rapport.gateway.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.rapport.gateway.common.Shares;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Description("Star ratings over [from, to), grouped by staff member or touchpoint, plus overall.")
public record RatingReport(Instant from, Instant to, String by, Group overall, List<Group> groups) {

    public RatingReport withShares() {
        return new RatingReport(from, to, by, overall == null ? null : overall.withShares(),
                groups == null ? null : groups.stream().map(Group::withShares).toList());
    }

    @Name("RatingGroup")
    @Description("Count, average (2 decimals), count per star (index 0 = 1 star … 4 = 5 stars) and the same as shares.")
    public record Group(@Description("Staff username or touchpoint; null for ratings without one") String key, long count,
            BigDecimal average, List<Long> distribution,
            @Description("distribution / count per star, 0–1 with 4 decimals (index 0 = 1 star)") List<BigDecimal> shares) {

        Group withShares() {
            return new Group(key, count, average, distribution,
                    distribution == null ? null : distribution.stream().map(n -> Shares.of(n, count)).toList());
        }
    }
}
