package dev.rapport.feedback.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.feedback.outreach.DeliveryView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, UUID consultationId, String consultationTitle, UUID contactId,
        Map<String, String> segment, String segmentRef,
        @Schema(description = "The contacts-service segment the person was invited from") UUID segmentId,
        @Schema(description = "The version of that segment's definition") Integer segmentVersion,
        boolean responded, Instant createdAt, DeliveryView delivery) {
}
