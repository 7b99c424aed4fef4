package dev.rapport.consent.facts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A merge folded one contact point into another holding the same address (see V70 and {@code ledger.PointFold}). */
@Entity
@Table(name = "contact_point_folds")
public class ContactPointFold {
    @Id
    public UUID id;
    /** The survivor the fold was made for: decisions and consents read the folds of a merge group. */
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "folded_point_id")
    public UUID foldedPointId;
    @Column(name = "folded_hash")
    public String foldedHash;
    @Column(name = "into_point_id")
    public UUID intoPointId;
    @Column(name = "into_hash")
    public String intoHash;
    @Column(name = "folded_at")
    public Instant foldedAt;
}
