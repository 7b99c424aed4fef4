package dev.rapport.consent.facts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "contact_merges")
public class ContactMerge {
    @Id
    @Column(name = "merged_contact_id")
    public UUID mergedContactId;
    @Column(name = "survivor_id")
    public UUID survivorId;
    @Column(name = "merged_at")
    public Instant mergedAt;
}
