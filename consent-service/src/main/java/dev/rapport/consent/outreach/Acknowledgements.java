package dev.rapport.consent.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Many acknowledgements in one call ({@code POST /outreach/deliveries/acks}), recorded in one transaction. */
public record Acknowledgements(
        @NotNull @Size(min = 1, max = 500) @Schema(description = "At most 500, each message at most once")
        List<@Valid @NotNull Line> acks) {

    public record Line(@NotNull UUID id,
            @NotNull UUID leaseId,
            @NotNull @Schema(description = "DELIVERED, BOUNCED or FAILED, as for one acknowledgement") Acknowledgement.Outcome outcome,
            @Size(max = 1000) String detail) {
    }

    /** What became of one line. */
    public record Result(UUID id,
            @Schema(description = "RECORDED; ALREADY_RECORDED (the same acknowledgement again: harmless); LEASE_LOST (the "
                    + "lease is not current: the message was pulled again or already acknowledged otherwise); NOT_FOUND")
            Status status) {
    }

    public enum Status {
        RECORDED, ALREADY_RECORDED, LEASE_LOST, NOT_FOUND
    }
}
