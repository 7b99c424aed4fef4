package dev.rapport.gateway.renewal;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("ProgrammeSummary")
@Description("A renewal programme in the list: members in any period, the periods that have scores (latest first) and "
        + "the early-renewal offers sent (newest first).")
public record ProgrammeSummary(@Id String id, String name, String description, Instant createdAt, long members,
        List<String> periods, List<OfferRef> offers) {

    @Name("ProgrammeOfferRef")
    public record OfferRef(@Id String id, String period, List<Integer> tiers, String channel, int audience, Instant createdAt) {
    }
}
