package dev.rapport.feedback.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
}
