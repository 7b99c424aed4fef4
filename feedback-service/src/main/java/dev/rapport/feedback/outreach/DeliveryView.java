package dev.rapport.feedback.outreach;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to one message: PENDING (not yet decided), QUEUED (consent-service accepted it) or DENIED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID messageId, String status, List<String> reasons, UUID outreachRequestId, Instant decidedAt,
        Integer attempts) {
}
