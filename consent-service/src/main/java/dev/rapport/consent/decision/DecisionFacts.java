package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.ledger.PointFold;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Everything a decision for one contact needs, loaded in one go (for one contact or a chunk of an audience).
 * {@code touchesInWindow} counts for the person's own cap; {@code recentTouches} are those within the longest company
 * cap's window, for company caps (the same touches: queued, leased or delivered outreach). {@code folds} are the merge
 * group's contact points folded into others by merges ({@link PointFold}).
 */
public record DecisionFacts(UUID contactId, boolean known, boolean erased, List<Point> points, List<Event> events,
        Policy policy, int touchesInWindow, List<Touch> recentTouches, List<PointFold> folds) {

    public DecisionFacts(UUID contactId, boolean known, boolean erased, List<Point> points, List<Event> events, Policy policy,
            int touchesInWindow, List<Touch> recentTouches) {
        this(contactId, known, erased, points, events, policy, touchesInWindow, recentTouches, List.of());
    }

    public DecisionFacts(UUID contactId, boolean known, boolean erased, List<Point> points, List<Event> events, Policy policy,
            int touchesInWindow) {
        this(contactId, known, erased, points, events, policy, touchesInWindow, List.of());
    }

    /** An outreach that counts as a touch: its channel, purpose and when it was asked for. */
    public record Touch(Channel channel, String purpose, Instant at) {
    }

    /** A contact point as it stood at the decision's instant; {@code undeliverableAt} is set after a bounce. */
    public record Point(UUID id, Channel channel, String addressHash, Provenance provenance, Instant verifiedAt,
            Instant addedAt, Instant removedAt, Instant undeliverableAt) {

        boolean presentAt(Instant t) {
            return !addedAt.isAfter(t) && (removedAt == null || removedAt.isAfter(t));
        }
    }

    /** A ledger event for the purpose being decided. */
    public record Event(UUID id, EventKind kind, Channel channel, UUID pointId, String pointHash, Instant occurredAt,
            Instant expiresAt, Instant until) {
    }

    public record Policy(List<Channel> preferredChannels, LocalTime quietStart, LocalTime quietEnd, ZoneId zone,
            Integer maxTouches, Integer windowDays, boolean doNotContact, Instant pausedUntil) {
        public static final Policy NONE = new Policy(List.of(), null, null, null, null, null, false, null);

        public Policy(List<Channel> preferredChannels, LocalTime quietStart, LocalTime quietEnd, ZoneId zone,
                Integer maxTouches, Integer windowDays, boolean doNotContact) {
            this(preferredChannels, quietStart, quietEnd, zone, maxTouches, windowDays, doNotContact, null);
        }
    }

    public record PurposeInfo(String code, LawfulBasis basis) {
    }

    public static DecisionFacts unknown(UUID contactId) {
        return new DecisionFacts(contactId, false, false, List.of(), List.of(), Policy.NONE, 0);
    }
}
