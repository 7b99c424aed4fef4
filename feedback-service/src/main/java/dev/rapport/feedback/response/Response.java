package dev.rapport.feedback.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One person's answers to a consultation. Anonymous: {@code contactId} is null and nothing links it to them. */
@Entity
@Table(name = "responses")
public class Response {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "contact_id")
    public UUID contactId;
    /** Set only when an anonymous respondent asked to hear back; used to deliver answers, never reported. */
    @Column(name = "reply_contact_id")
    public UUID replyContactId;
    public boolean anonymous;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> segment;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Who may be told what became of this response, if anyone. */
    public UUID reachableContactId() {
        return anonymous ? replyContactId : contactId;
    }
}
