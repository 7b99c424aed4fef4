package dev.rapport.contacts.contactpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "contact_points")
public class ContactPoint {
    @Id
    public UUID id;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String address;
    @JdbcTypeCode(SqlTypes.JSON)
    public PostalAddress postal;
    @Enumerated(EnumType.STRING)
    public PointContext context;
    @Enumerated(EnumType.STRING)
    public ProvenanceKind provenance;
    @Column(name = "provenance_source")
    public String provenanceSource;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
