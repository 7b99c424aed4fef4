package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import dev.rapport.consent.purpose.Purposes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent event as recorded through the API. */
public record NewConsentEvent(
        @NotNull @Schema(description = "GRANT, WITHDRAW, DENY or OBJECT") EventKind kind,
        @NotNull @Pattern(regexp = Purposes.CODE_PATTERN, message = "is not a purpose code") @Schema(example = "newsletter") String purpose,
        @Schema(description = "Required for a grant; absent on a withdrawal/denial/objection means every channel") Channel channel,
        @Schema(description = "Limit the event to one contact point") UUID contactPointId,
        @Schema(description = "Defaults to the purpose's lawful basis") LawfulBasis lawfulBasis,
        @NotNull EventSource source,
        @Valid Evidence evidence,
        @Schema(description = "When the person said it (default now); may lie in the past, e.g. a paper form imported later",
                example = "2026-11-20T10:15:30Z") Instant occurredAt,
        @Schema(description = "Grants only: when the consent lapses") Instant expiresAt,
        @Schema(description = "Objections only: the objection holds until this instant (\"no interest until June\")") Instant until) {

    /** What the person was shown and by whom it was recorded. note, ipAddress and userAgent are erased with the person. */
    public record Evidence(
            @Size(max = 200) @Schema(example = "webinar-signup-v3") String formId,
            @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lower-case hex SHA-256") @Schema(description = "SHA-256 of the wording shown") String wordingHash,
            @Size(max = 2000) String note,
            @Size(max = 64) String ipAddress,
            @Size(max = 500) String userAgent) {
    }
}
