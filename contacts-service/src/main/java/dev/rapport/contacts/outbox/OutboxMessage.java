package dev.rapport.contacts.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One delivered outbox event, as docs/contracts.md describes it; traceparent only when the writer was traced. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxMessage(UUID eventId, long seq, String type, Instant occurredAt, JsonNode payload, String traceparent) {
}
