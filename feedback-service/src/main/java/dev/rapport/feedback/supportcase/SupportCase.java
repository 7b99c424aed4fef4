package dev.rapport.feedback.supportcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer's request, kept in their own words and measured by its outcome. */
@Entity
@Table(name = "cases")
public class SupportCase {
    @Id
    public UUID id;
    @Column(name = "contact_id")
    public UUID contactId;
    /** The original problem as the customer put it; never edited. */
    public String problem;
    @Enumerated(EnumType.STRING)
    public CaseChannel channel;
    @Column(name = "opened_at")
    public Instant openedAt;
    public String assignee;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_on_first_contact")
    public boolean resolvedOnFirstContact;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
}
