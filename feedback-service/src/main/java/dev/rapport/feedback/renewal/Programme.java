package dev.rapport.feedback.renewal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A renewal programme, e.g. a season ticket: members, propensity scores per period, outcomes, offers. */
@Entity
@Table(name = "programmes")
public class Programme {
    @Id
    public UUID id;
    public String name;
    public String description;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
