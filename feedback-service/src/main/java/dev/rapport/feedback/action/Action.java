package dev.rapport.feedback.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** "You said, we did": the company's decision on one initiative, told to the people who rated it once published. */
@Entity
@Table(name = "actions")
public class Action {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String description;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
