package dev.rapport.contacts.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One delivered outbox event, as docs/contracts.md describes it. */
public record OutboxMessage(UUID eventId, long seq, String type, Instant occurredAt, JsonNode payload) {
}
