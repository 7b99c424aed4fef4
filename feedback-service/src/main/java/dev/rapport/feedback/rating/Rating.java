package dev.rapport.feedback.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ratings")
public class Rating {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    /** The staff member who served (for STAFF ratings, the one rated). */
    public String staff;
    /** Where it happened: a desk, a gate, web chat, the phone line. */
    public String touchpoint;
    public short stars;
    public String comment;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "rated_at")
    public Instant ratedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
