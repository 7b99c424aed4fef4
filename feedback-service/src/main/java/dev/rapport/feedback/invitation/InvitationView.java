package dev.rapport.feedback.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.feedback.outreach.DeliveryView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, UUID consultationId, String consultationTitle, UUID contactId,
        Map<String, String> segment, String segmentRef, boolean responded, Instant createdAt, DeliveryView delivery) {
}
