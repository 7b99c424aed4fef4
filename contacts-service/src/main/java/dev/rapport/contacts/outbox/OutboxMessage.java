package dev.rapport.contacts.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One delivered outbox event, as docs/contracts.md describes it. */
@RegisterForReflection
public record OutboxMessage(UUID eventId, long seq, String type, Instant occurredAt, JsonNode payload) {
}
