package dev.rapport.feedback.supportcase;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.Column;

/** The status history: every change, who made it, and why. Append-only. */
@Entity
@Table(name = "case_events")
public class CaseEvent {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public Instant at;
    public String type;
    public String status;
    public String actor;
    public String note;
}
