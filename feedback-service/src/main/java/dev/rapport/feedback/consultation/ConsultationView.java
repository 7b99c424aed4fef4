package dev.rapport.feedback.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationView(UUID id, String title, String purpose, ConsultationStatus status, Instant createdAt,
        Instant openedAt, Instant closedAt, Instant answeredAt, long version, List<InitiativeView> initiatives) {

    public static ConsultationView from(Consultation c, List<Initiative> initiatives) {
        return new ConsultationView(c.id, c.title, c.purpose, c.status, c.createdAt, c.openedAt, c.closedAt, c.answeredAt,
                c.version, initiatives == null ? null : initiatives.stream().map(InitiativeView::from).toList());
    }
}
