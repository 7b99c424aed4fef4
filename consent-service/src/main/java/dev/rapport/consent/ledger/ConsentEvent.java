package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One ledger event. Written once; only erasure later blanks note, ipAddress and userAgent. */
@Entity
@Table(name = "consent_events")
public class ConsentEvent {
    @Id
    public UUID id;
    @Column(name = "contact_id")
    public UUID contactId;
    public long seq;
    @Enumerated(EnumType.STRING)
    public EventKind kind;
    public String purpose;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "contact_point_id")
    public UUID contactPointId;
    @Column(name = "point_hash")
    public String pointHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis")
    public LawfulBasis lawfulBasis;
    @Enumerated(EnumType.STRING)
    public EventSource source;
    @Column(name = "form_id")
    public String formId;
    @Column(name = "wording_hash")
    public String wordingHash;
    public String actor;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "until_at")
    public Instant until;
    public String note;
    @Column(name = "ip_address")
    public String ipAddress;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "personal_digest")
    public String personalDigest;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
