package dev.rapport.feedback.subject;

import java.time.Instant;
import java.util.UUID;

/** What erasure did, in counts; kept so that erasing again answers the same. */
public record ErasureReport(UUID contactId, Instant erasedAt, String erasedBy, int cases, int invitations, int responses,
        int loopFollowUps, int threads, int threadMessages, int ratings, int greetings, int renewalMemberships,
        int messagesCancelled) {
}
