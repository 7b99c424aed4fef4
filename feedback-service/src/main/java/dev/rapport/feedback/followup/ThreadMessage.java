package dev.rapport.feedback.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "thread_messages")
public class ThreadMessage {
    @Id
    public UUID id;
    @Column(name = "thread_id")
    public UUID threadId;
    public String author;
    @Column(name = "from_staff")
    public boolean fromStaff;
    /** What the person wrote, as they wrote it (empty when a NO came without a why). */
    public String body;
    /** The follow-up answer this message came with (NO or PARTLY); null for any other message. */
    @Enumerated(EnumType.STRING)
    public Answer answer;
    @Column(name = "created_at")
    public Instant createdAt;
}
