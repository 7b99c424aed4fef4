package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to "may we contact X on channel Y for purpose Z at T?" (docs/contracts.md). */
public record Decision(
        boolean allowed,
        @Schema(description = "Every reason that applies; empty when allowed") List<Reason> reasons,
        @Schema(description = "The contact point to use when allowed") UUID contactPointId,
        Channel channel,
        @Schema(description = "The ledger event that justifies the yes (null for a non-consent basis without one)") UUID evidenceEventId,
        @Schema(description = "The instant the decision holds for") Instant evaluatedAt,
        @Schema(description = "Not now, but from this instant: set when the person's quiet hours are the only obstacle "
                + "(the contact point and evidence it would use are named)", example = "2026-11-23T06:00:00Z") Instant notBefore) {

    /** A "not now" that waiting until {@link #notBefore} would turn into a "yes". */
    public boolean deferred() {
        return !allowed && notBefore != null;
    }
}
