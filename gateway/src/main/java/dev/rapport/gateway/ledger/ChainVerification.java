package dev.rapport.gateway.ledger;

import org.eclipse.microprofile.graphql.Description;

@Description("The contact's ledger hash chain re-computed; firstBroken is null when every link holds.")
public record ChainVerification(String contactId, boolean valid, long events, String headHash, BrokenLink firstBroken) {

    public record BrokenLink(long seq, String eventId, String problem) {
    }
}
