package dev.rapport.feedback.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "consultations")
public class Consultation {
    @Id
    public UUID id;
    public String title;
    public String purpose;
    @Enumerated(EnumType.STRING)
    public ConsultationStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Version
    public long version;
}
