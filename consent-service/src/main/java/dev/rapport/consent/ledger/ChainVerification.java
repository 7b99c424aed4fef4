package dev.rapport.consent.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The result of re-computing a contact's chain. {@code firstBroken} is null when every link holds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(UUID contactId, boolean valid, long events, String headHash, BrokenLink firstBroken) {

    public record BrokenLink(long seq, UUID eventId, String problem) {
    }
}
