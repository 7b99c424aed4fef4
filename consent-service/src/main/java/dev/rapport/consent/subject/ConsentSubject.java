package dev.rapport.consent.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person this service has heard of: their salt (null once erased) and the head of their ledger chain. */
@Entity
@Table(name = "consent_subjects")
public class ConsentSubject {
    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    public byte[] salt;
    @Column(name = "head_seq")
    public long headSeq;
    @Column(name = "head_hash")
    public String headHash;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean erased() {
        return erasedAt != null;
    }
}
