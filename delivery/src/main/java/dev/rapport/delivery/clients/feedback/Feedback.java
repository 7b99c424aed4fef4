package dev.rapport.delivery.clients.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What delivery reads of feedback-service, field by field only what a message shows. */
public final class Feedback {
    private Feedback() {
    }

    public record InvitationLink(UUID invitationId, UUID consultationId) {
    }

    public record Consultation(UUID id, String title, List<Initiative> initiatives) {
        public Initiative initiative(UUID id) {
            return initiatives == null ? null : initiatives.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
        }
    }

    public record Initiative(UUID id, String title) {
    }

    /** decision: WILL_DO, DOING, DONE, WONT_DO (with a reason). */
    public record Action(UUID id, UUID consultationId, UUID initiativeId, String decision, String description, String reason) {
    }

    public record SupportCase(UUID id, UUID contactId, String problem, Instant openedAt, Instant resolvedAt, String status) {
    }

    public record RenewalOffer(UUID id, UUID programmeId, String programme, String period) {
    }
}
