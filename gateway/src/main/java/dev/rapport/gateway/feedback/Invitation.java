package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("An invitation to rank a consultation's initiatives; `responded` says whether the person answered.")
public record Invitation(@Id String id, @Id String consultationId, String consultationTitle, @Id String contactId, String segmentRef,
        @Id @Description("The segment the person was invited from (inviteToConsultation with segmentId)") String segmentId,
        @Description("The version of that segment's definition when its members were read") Integer segmentVersion,
        boolean responded, Instant createdAt, Delivery delivery) {

    @Description("What consent-service outreach decided for the message: PENDING, QUEUED, or DENIED (with reasons).")
    public record Delivery(@Id String messageId, MessageStatus status, List<String> reasons, @Id String outreachRequestId,
            Instant decidedAt, Integer attempts) {
    }
}
