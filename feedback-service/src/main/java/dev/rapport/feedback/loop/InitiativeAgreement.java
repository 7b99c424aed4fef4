package dev.rapport.feedback.loop;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record InitiativeAgreement(
        UUID initiativeId,
        int position,
        String title,
        @Schema(description = "People asked \"does this work for you?\" after a published action") long asked,
        @Schema(description = "Their first answers") long yes, long partly, long no,
        @Schema(description = "yes / first answers given; null when nobody answered yet") BigDecimal agreementRate,
        @Schema(description = "Share whose latest answer (after any thread) is yes") BigDecimal currentAgreementRate,
        long openThreads) {
}
