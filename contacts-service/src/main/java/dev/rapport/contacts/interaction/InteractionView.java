package dev.rapport.contacts.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionView(UUID id, UUID contactId, InteractionType type, Instant occurredAt, Instant recordedAt,
        String source, String externalId, BigDecimal amount, String currency, String channel, String subject,
        Map<String, String> details) {
}
