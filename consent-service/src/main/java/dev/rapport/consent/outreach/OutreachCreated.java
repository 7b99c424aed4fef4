package dev.rapport.consent.outreach;

import dev.rapport.consent.decision.Decision;
import java.util.UUID;

/** The answer to an outreach request, exactly as docs/contracts.md has it. */
public record OutreachCreated(UUID id, OutreachStatus status, Decision decision) {
}
