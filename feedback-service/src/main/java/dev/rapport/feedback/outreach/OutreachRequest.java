package dev.rapport.feedback.outreach;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** What consent-service is asked: may this person be sent this, for this purpose (and channel), now? */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutreachRequest(UUID contactId, String purpose, String channel, UUID contactPointId, String campaign,
        String payloadRef) {
}
