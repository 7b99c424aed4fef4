package dev.rapport.gateway.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rapport.gateway.common.Entry;
import org.eclipse.microprofile.graphql.Id;

public record Interaction(@Id String id, @Id String contactId, InteractionType type, Instant occurredAt, Instant recordedAt,
        String source, String externalId, BigDecimal amount, String currency, String channel, String subject,
        List<Entry> details) {
    @JsonCreator
    static Interaction fromJson(@JsonProperty("id") String id, @JsonProperty("contactId") String contactId,
            @JsonProperty("type") InteractionType type, @JsonProperty("occurredAt") Instant occurredAt,
            @JsonProperty("recordedAt") Instant recordedAt, @JsonProperty("source") String source,
            @JsonProperty("externalId") String externalId, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency, @JsonProperty("channel") String channel,
            @JsonProperty("subject") String subject, @JsonProperty("details") Map<String, String> details) {
        return new Interaction(id, contactId, type, occurredAt, recordedAt, source, externalId, amount, currency, channel,
                subject, Entry.of(details));
    }
}
