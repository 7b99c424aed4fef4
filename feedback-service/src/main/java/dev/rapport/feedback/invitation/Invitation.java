package dev.rapport.feedback.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "invitations")
public class Invitation {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "contact_id")
    public UUID contactId;
    /** Segment attributes as they were when the person was invited; copied onto their response. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> segment;
    @Column(name = "segment_ref")
    public String segmentRef;
    /** The contacts-service segment the audience was taken from, and the version of its definition then. */
    @Column(name = "segment_id")
    public UUID segmentId;
    @Column(name = "segment_version")
    public Integer segmentVersion;
    @Column(name = "token_hash")
    public String tokenHash;
    public boolean responded;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
