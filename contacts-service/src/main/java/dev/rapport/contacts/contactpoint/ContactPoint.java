package dev.rapport.contacts.contactpoint;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code contact_points}, mapped here only: by these annotations for Hibernate Reactive, and by {@link #from(Row)}
 * for the statements of the reactive SQL client that read whole points (a merge, inside its SQL-client transaction).
 * {@code ContactPointMappingTest} holds the two to the same fields: add a column to both.
 */
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

    /** A whole row ({@code select *}) as the entity, detached. */
    public static ContactPoint from(Row r) {
        ContactPoint p = new ContactPoint();
        p.id = r.getUUID("id");
        p.contactId = r.getUUID("contact_id");
        p.channel = Channel.valueOf(r.getString("channel"));
        p.address = r.getString("address");
        JsonObject postal = r.getJsonObject("postal");
        p.postal = postal == null ? null : postal.mapTo(PostalAddress.class);
        p.context = PointContext.valueOf(r.getString("context"));
        p.provenance = ProvenanceKind.valueOf(r.getString("provenance"));
        p.provenanceSource = r.getString("provenance_source");
        p.capturedAt = instant(r.getOffsetDateTime("captured_at"));
        p.verifiedAt = instant(r.getOffsetDateTime("verified_at"));
        p.createdAt = instant(r.getOffsetDateTime("created_at"));
        return p;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
