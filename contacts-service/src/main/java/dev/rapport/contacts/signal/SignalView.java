package dev.rapport.contacts.signal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Something staff should act on: who, what, since when, and the facts that triggered it. */
public record SignalView(UUID contactId, String displayName, String owner, SignalKind kind, Instant since,
        Map<String, Object> facts) {
}
