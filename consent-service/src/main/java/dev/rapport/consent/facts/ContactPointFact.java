package dev.rapport.consent.facts;

import dev.rapport.consent.common.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What consent-service knows of a contact point: never the address, only its salted hash. */
@Entity
@Table(name = "contact_point_facts")
public class ContactPointFact {
    @Id
    @Column(name = "contact_point_id")
    public UUID contactPointId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "address_hash")
    public String addressHash;
    /** Whose salt keys {@link #addressHash}: the contact the point was first seen under, kept when a merge moves it. */
    @Column(name = "hash_key_contact_id")
    public UUID hashKeyContactId;
    @Enumerated(EnumType.STRING)
    public PointContext context;
    @Enumerated(EnumType.STRING)
    public Provenance provenance;
    @Column(name = "provenance_source")
    public String provenanceSource;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "removed_at")
    public Instant removedAt;
    /** Set when a delivery to this point bounced; cleared by the next change contacts-service reports. */
    @Column(name = "undeliverable_at")
    public Instant undeliverableAt;
    /** When the last change to this point happened (its history is kept by valid time, see V2). */
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
