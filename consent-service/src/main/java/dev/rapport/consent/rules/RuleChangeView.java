package dev.rapport.consent.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audited change to a company rule: who, when, the rule before and after. */
public record RuleChangeView(UUID id,
        @Schema(description = "CAP, QUIET_DATES or QUIET_HOURS") RuleKind ruleKind,
        UUID ruleId,
        @Schema(description = "CREATED, UPDATED or DELETED") String action,
        String actor, Instant changedAt,
        @Schema(description = "The rule before the change; null when created") JsonNode before,
        @Schema(description = "The rule after the change; null when deleted") JsonNode after) {
}
