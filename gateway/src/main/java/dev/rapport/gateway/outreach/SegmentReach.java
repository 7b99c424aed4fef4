package dev.rapport.gateway.outreach;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What consent-service decides now for every member of a segment, counted; nothing is stored. members = "
        + "allowed + notNow + denied.")
public record SegmentReach(@Id String segmentId, String purpose, Channel channel,
        @NonNull @Description("Members decided") int members,
        @NonNull @Description("May be reached now") int allowed,
        @NonNull @Description("Not now: in quiet times or paused; an outreach request would be queued and delivered from "
                + "their notBefore on") int notNow,
        @Description("The earliest notBefore among notNow") Instant earliestNotBefore,
        @NonNull @Description("May not be reached") int denied,
        @Description("People per reason, over notNow and denied, most first") List<ReasonCount> deniedBy,
        @NonNull @Description("Members consent-service could not decide (e.g. a malformed id); not in members") int errors) {
}
