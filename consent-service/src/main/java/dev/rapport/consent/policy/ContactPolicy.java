package dev.rapport.consent.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The person's own rules for being contacted. */
@Entity
@Table(name = "contact_policies")
public class ContactPolicy {
    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_channels")
    public String[] preferredChannels;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "max_touches")
    public Integer maxTouches;
    @Column(name = "touch_window_days")
    public Integer touchWindowDays;
    @Column(name = "do_not_contact")
    public boolean doNotContact;
    /** "Not now, until …": no messages before this instant; null or past: no pause. */
    @Column(name = "paused_until")
    public Instant pausedUntil;
    @Enumerated(EnumType.STRING)
    @Column(name = "unsubscribe_scope")
    public UnsubscribeScope unsubscribeScope;
    @Version
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
