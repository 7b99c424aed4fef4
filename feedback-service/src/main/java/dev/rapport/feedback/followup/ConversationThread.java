package dev.rapport.feedback.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The conversation a "no" opens on one initiative with one person; another "no" reopens it. */
@Entity
@Table(name = "threads")
public class ConversationThread {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public ThreadStatus status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "last_activity")
    public Instant lastActivity;
    /** Opened by an anonymous respondent's NO: staff see it, never who it is with. */
    public boolean anonymous;
}
