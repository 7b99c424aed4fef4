package dev.rapport.gateway.outreach;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What requestOutreachForSegment did, counted: every member was decided and stored like a single outreach "
        + "request (the requests are listed by outreachRequests(campaign:)). members = queued + denied + duplicate.")
public record SegmentOutreach(@Id String segmentId, String purpose, String campaign,
        @NonNull @Description("Members asked for") int members,
        @NonNull @Description("Queued for delivery (notNow of them wait for their notBefore)") int queued,
        @NonNull @Description("Of the queued: allowed now") int allowed,
        @NonNull @Description("Of the queued: in quiet times or paused, delivered later") int notNow,
        @NonNull @Description("Denied; deniedBy says why") int denied,
        @NonNull @Description("Asked before for this campaign and payloadRef: nothing new stored") int duplicate,
        @Description("People per reason, over notNow and denied, most first") List<ReasonCount> deniedBy,
        @NonNull @Description("Members consent-service could not take (e.g. a malformed id); not in members") int errors,
        @Description("The earliest notBefore among notNow") Instant earliestNotBefore) {
}
