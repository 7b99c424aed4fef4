package dev.rapport.consent.outreach;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.decision.Decision;
import java.util.UUID;

/** One NDJSON line of a bulk outreach answer: the request stored for a contact, or an error for one input line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkOutreachLine(UUID contactId, UUID id, String status, Decision decision, Long line, String error) {
}
