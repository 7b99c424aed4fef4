package dev.rapport.feedback.renewal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "renewal_offers")
public class RenewalOffer {
    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    public String period;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Short[] tiers;
    public String channel;
    public String campaign;
    public int audience;
    /** The segment the audience was narrowed to (null: every undecided member of the tiers), and its version then. */
    @Column(name = "segment_id")
    public UUID segmentId;
    @Column(name = "segment_version")
    public Integer segmentVersion;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
