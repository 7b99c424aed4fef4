package dev.rapport.feedback.followup;

import dev.rapport.platform.id.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** "Does this work for you?", asked of one rater after an action is published, or again after a staff answer. */
@Entity
@Table(name = "follow_ups")
public class FollowUp {
    @Id
    public UUID id;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "action_id")
    public UUID actionId;
    @Column(name = "response_id")
    public UUID responseId;
    /** The thread this follow-up was asked in, or the one its answer opened or continued. */
    @Column(name = "thread_id")
    public UUID threadId;
    /** Asked again inside a thread after a staff answer (not the first "does this work for you?"). */
    @Column(name = "asked_in_thread")
    public boolean askedInThread;
    /** To an anonymous respondent who left a reply channel: never shown to staff next to the person. */
    public boolean anonymous;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "asked_at")
    public Instant askedAt;
    @Enumerated(EnumType.STRING)
    public Answer answer;
    public String why;
    @Column(name = "answered_at")
    public Instant answeredAt;

    public static FollowUp ask(UUID consultationId, UUID initiativeId, UUID actionId, UUID responseId, UUID threadId,
            UUID contactId, boolean anonymous, Instant at) {
        FollowUp f = new FollowUp();
        f.id = Ids.newId();
        f.consultationId = consultationId;
        f.initiativeId = initiativeId;
        f.actionId = actionId;
        f.responseId = responseId;
        f.threadId = threadId;
        f.askedInThread = threadId != null;
        f.anonymous = anonymous;
        f.contactId = contactId;
        f.askedAt = at;
        return f;
    }
}
