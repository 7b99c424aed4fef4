package dev.rapport.contacts.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** "Call me back in June about X": an expectation the person stated (or staff agreed), due on a day. */
@Entity
@Table(name = "follow_ups")
public class FollowUp {
    @Id
    public UUID id;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "due_on")
    public LocalDate dueOn;
    public String topic;
    public String note;
    @Enumerated(EnumType.STRING)
    @Column(name = "stated_by")
    public StatedBy statedBy;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public String completedBy;

    public enum StatedBy {
        CONTACT, STAFF
    }
}
