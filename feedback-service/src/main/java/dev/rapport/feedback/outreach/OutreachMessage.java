package dev.rapport.feedback.outreach;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message to one person, recorded before it is sent; its status is consent-service's answer. */
@Entity
@Table(name = "outreach_messages")
public class OutreachMessage {
    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String DENIED = "DENIED";

    @Id
    public UUID id;
    public String kind;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "contact_id")
    public UUID contactId;
    public String purpose;
    public String channel;
    public String campaign;
    @Column(name = "payload_ref")
    public String payloadRef;
    public String status;
    /** consent-service reason codes for a denial, e.g. no-consent, quiet-hours, consent-unavailable. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] reasons;
    @Column(name = "outreach_request_id")
    public UUID outreachRequestId;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
