package dev.rapport.gateway.renewal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rapport.gateway.common.Entry;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Description("An early-renewal offer to the undecided members of chosen score tiers (only those in a segment, when one was "
        + "given); consent-service decides each message.")
public record Offer(@Id String id, @Id String programmeId, String period, List<Integer> tiers, String channel, String campaign,
        int audience,
        @Id @Description("The segment the audience was narrowed to (sendRenewalOffer with segmentId); null for none") String segmentId,
        @Description("The version of that segment's definition when its members were read") Integer segmentVersion,
        Instant createdAt,
        @Description("Null while a large audience is still being sent") Delivery delivery) {

    @Name("OfferDelivery")
    @Description("Where the offer's messages stand: queued by consent-service, denied (count per reason) or pending.")
    public record Delivery(int total, int queued, int denied, int pending, List<Entry> deniedBy) {
        @JsonCreator
        static Delivery fromJson(@JsonProperty("total") int total, @JsonProperty("queued") int queued,
                @JsonProperty("denied") int denied, @JsonProperty("pending") int pending,
                @JsonProperty("deniedBy") Map<String, Object> deniedBy) {
            return new Delivery(total, queued, denied, pending, Entry.of(deniedBy));
        }
    }
}
