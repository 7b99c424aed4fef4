package dev.rapport.gateway.ledger;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Description("The contact's ledger hash chain re-computed; firstBroken is null when every link holds.")
public record ChainVerification(@Id String contactId, boolean valid, long events, String headHash, BrokenLink firstBroken) {

    @Name("ConsentChainBrokenLink")
    public record BrokenLink(long seq, @Id String eventId, String problem) {
    }
}
