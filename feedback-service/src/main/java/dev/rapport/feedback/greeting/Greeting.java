package dev.rapport.feedback.greeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One visitor at a touchpoint: were they greeted, offered help, and did they ask for something? */
@Entity
@Table(name = "greetings")
public class Greeting {
    @Id
    public UUID id;
    public String touchpoint;
    public String staff;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public boolean greeted;
    @Column(name = "offered_help")
    public boolean offeredHelp;
    @Enumerated(EnumType.STRING)
    public GreetingResult result;
    public String request;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "recorded_by")
    public String recordedBy;
}
