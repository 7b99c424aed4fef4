package dev.rapport.consent.facts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A change already applied: a redelivery with the same eventId is a no-op. */
@Entity
@Table(name = "contact_point_fact_events")
public class ReceivedFactEvent {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    public long seq;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public ChangeKind change;
    @Column(name = "received_at")
    public Instant receivedAt;
}
