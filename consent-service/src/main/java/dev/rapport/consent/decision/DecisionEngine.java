package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Event;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.ledger.Coverage;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.ledger.PointFold;
import dev.rapport.consent.purpose.LawfulBasis;
import dev.rapport.consent.rules.CompanyRules;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision rules, free of I/O so one contact and a million are decided the same way.
 * <ul>
 * <li>For each usable contact point, the latest ledger event (by occurredAt) whose scope covers the point decides:
 * a grant allows (unless expired), a withdrawal / denial / objection does not. An objection "until" a date lapses
 * after it and no longer counts.</li>
 * <li>A grant for a whole channel (no contact point) covers only points the person gave; a grant naming the point
 * covers it whatever its provenance. Purposes on contract or legitimate interest need no grant, but still only use
 * points the person gave (or that a point-specific grant covers), and still yield to withdrawals and objections.</li>
 * <li>A point where a delivery bounced is not used until contacts-service reports a change to it.</li>
 * <li>Then the person's policy: do-not-contact, "not now, until …" (a pause), quiet hours in their zone, touches in the
 * rolling window; and the company's rules ({@link CompanyRuleCheck}): caps per channel and purpose, quiet dates and
 * quiet hours per channel. The strictest wins: every rule in the way is a reason. When only the clock is in the way
 * (a pause, quiet hours, quiet dates) the answer is "not now": {@code notBefore} is when all of them are over.</li>
 * </ul>
 */
public final class DecisionEngine {
    private DecisionEngine() {
    }

    public record Cap(int maxTouches, int windowDays) {
    }

    public static Decision decide(DecisionFacts f, PurposeInfo purpose, Channel channel, UUID pointId, Instant at, Cap defaults) {
        return decide(f, purpose, channel, pointId, at, defaults, CompanyRules.NONE);
    }

    /**
     * Decides with the company's rules beside the person's policy. Rules for one channel are checked per candidate
     * point: a point allowed now wins, else the one that may be used soonest (notBefore), else a no naming every rule
     * in the way of every point the person's consent allows.
     */
    public static Decision decide(DecisionFacts f, PurposeInfo purpose, Channel channel, UUID pointId, Instant at, Cap defaults,
            CompanyRules rules) {
        if (purpose == null) {
            return no(List.of(new Reason(Reason.UNKNOWN_PURPOSE, "This purpose is not defined")), channel, at);
        }
        if (!f.known()) {
            return no(List.of(new Reason(Reason.UNKNOWN_CONTACT, "Consent-service has no record of this contact")), channel, at);
        }
        if (f.erased()) {
            return no(List.of(new Reason(Reason.UNKNOWN_CONTACT, "This contact was erased")), channel, at);
        }
        List<Reason> contactReasons = policyReasons(f, at, defaults);
        ZoneId zone = f.policy().zone();
        List<Point> candidates = candidates(f, channel, pointId, at);
        if (candidates.isEmpty()) {
            List<Reason> reasons = new ArrayList<>();
            reasons.add(new Reason(Reason.NO_USABLE_POINT, pointId != null
                    ? "Contact point " + pointId + " is not a current " + (channel == null ? "" : channel + " ")
                            + "contact point of this contact"
                    : "The contact has no current " + (channel == null ? "" : channel + " ") + "contact point"));
            reasons.addAll(contactReasons);
            reasons.addAll(CompanyRuleCheck.reasons(rules, purpose.code(), channel, f.recentTouches(), zone, at));
            return no(reasons, channel, at);
        }
        Map<String, Reason> pointReasons = new LinkedHashMap<>();
        Map<String, Reason> ruleReasons = new LinkedHashMap<>();
        Decision deferred = null;
        for (Point p : candidates) {
            PointVerdict v = evaluate(p, f.events(), f.folds(), purpose, at);
            if (!v.reasons.isEmpty()) {
                v.reasons.forEach(r -> pointReasons.putIfAbsent(r.code(), r));
                continue;
            }
            List<Reason> rulesInTheWay = new ArrayList<>(contactReasons);
            rulesInTheWay.addAll(CompanyRuleCheck.reasons(rules, purpose.code(), p.channel(), f.recentTouches(), zone, at));
            if (rulesInTheWay.isEmpty()) {
                return new Decision(true, List.of(), p.id(), p.channel(), v.evidence, at, null);
            }
            if (rulesInTheWay.stream().allMatch(r -> Reason.CLOCK_ONLY.contains(r.code()))) {
                // Only the clock is in the way: not now, but this point once every quiet time and the pause are over.
                Instant from = notBefore(at, f.policy(), rules, purpose.code(), p.channel());
                if (deferred == null || from.isBefore(deferred.notBefore())) {
                    deferred = new Decision(false, List.copyOf(rulesInTheWay), p.id(), p.channel(), v.evidence, at, from);
                }
                continue;
            }
            rulesInTheWay.forEach(r -> ruleReasons.putIfAbsent(r.code() + "\n" + r.detail(), r));
        }
        if (deferred != null) {
            return deferred;
        }
        if (!ruleReasons.isEmpty()) {
            return no(new ArrayList<>(ruleReasons.values()), channel, at);
        }
        List<Reason> reasons = new ArrayList<>(pointReasons.values());
        reasons.addAll(contactReasons);
        reasons.addAll(CompanyRuleCheck.reasons(rules, purpose.code(), channel, f.recentTouches(), zone, at));
        return no(reasons, channel, at);
    }

    private record PointVerdict(List<Reason> reasons, UUID evidence) {
    }

    static PointVerdict evaluate(Point p, List<Event> events, List<PointFold> folds, PurposeInfo purpose, Instant at) {
        boolean given = p.provenance().givenByPerson();
        Event decisive = null;
        boolean uncoveredGrant = false;
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.occurredAt().isAfter(at) || !covers(e, p, folds, at)) {
                continue;
            }
            if (e.kind() == EventKind.OBJECT && e.until() != null && !e.until().isAfter(at)) {
                continue;
            }
            if (e.kind() == EventKind.GRANT && e.pointId() == null && !given) {
                uncoveredGrant = true;
                continue;
            }
            decisive = e;
            break;
        }
        List<Reason> reasons = new ArrayList<>();
        if (p.undeliverableAt() != null && !p.undeliverableAt().isAfter(at)) {
            reasons.add(new Reason(Reason.POINT_UNDELIVERABLE, "A delivery to the " + p.channel() + " contact point " + p.id()
                    + " bounced at " + p.undeliverableAt() + "; it is not used until the point changes"));
        }
        boolean pointGrant = decisive != null && decisive.kind() == EventKind.GRANT && decisive.pointId() != null;
        if (!given && !pointGrant) {
            reasons.add(new Reason(Reason.POINT_NOT_GIVEN, "The " + p.channel() + " contact point " + p.id() + " came from "
                    + p.provenance() + ", not from the person" + (uncoveredGrant ? "; a channel-wide grant does not cover it" : "")));
        }
        if (decisive == null) {
            if (purpose.basis() == LawfulBasis.CONSENT && !uncoveredGrant) {
                reasons.add(new Reason(Reason.NO_CONSENT, "No consent to " + purpose.code() + " on " + p.channel()));
            }
            return new PointVerdict(reasons, null);
        }
        switch (decisive.kind()) {
            case GRANT -> {
                if (decisive.expiresAt() != null && !decisive.expiresAt().isAfter(at)) {
                    reasons.add(new Reason(Reason.EXPIRED, "Consent " + decisive.id() + " expired at " + decisive.expiresAt()));
                }
            }
            case WITHDRAW -> reasons.add(new Reason(Reason.WITHDRAWN, "Withdrawn at " + decisive.occurredAt() + " (event " + decisive.id() + ")"));
            case DENY -> reasons.add(new Reason(Reason.DENIED, "Refused at " + decisive.occurredAt() + " (event " + decisive.id() + ")"));
            case OBJECT -> reasons.add(new Reason(Reason.OBJECTION, "Objected at " + decisive.occurredAt()
                    + (decisive.until() == null ? "" : ", until " + decisive.until()) + " (event " + decisive.id() + ")"));
            default -> {
            }
        }
        return new PointVerdict(reasons, reasons.isEmpty() ? decisive.id() : null);
    }

    /** Does an event's scope reach this point? {@link Coverage} holds the rule, shared with the consent projection. */
    static boolean covers(Event e, Point p, List<PointFold> folds, Instant at) {
        return Coverage.covers(e.kind(), e.channel(), e.pointId(), e.pointHash(), p.channel(), p.id(), p.addressHash(), folds, at);
    }

    static List<Point> candidates(DecisionFacts f, Channel channel, UUID pointId, Instant at) {
        List<Channel> preferred = f.policy().preferredChannels();
        return f.points().stream()
                .filter(p -> p.presentAt(at))
                .filter(p -> channel == null || p.channel() == channel)
                .filter(p -> pointId == null || p.id().equals(pointId))
                .sorted(Comparator.<Point>comparingInt(p -> {
                            int i = preferred.indexOf(p.channel());
                            return i < 0 ? Integer.MAX_VALUE : i;
                        })
                        .thenComparing(p -> !p.provenance().givenByPerson())
                        .thenComparing(p -> p.verifiedAt() == null)
                        .thenComparing(Point::addedAt, Comparator.reverseOrder()))
                .toList();
    }

    static List<Reason> policyReasons(DecisionFacts f, Instant at, Cap defaults) {
        Policy policy = f.policy();
        List<Reason> reasons = new ArrayList<>();
        if (policy.doNotContact()) {
            reasons.add(new Reason(Reason.DO_NOT_CONTACT, "The person asked not to be contacted at all"));
        }
        if (policy.pausedUntil() != null && at.isBefore(policy.pausedUntil())) {
            reasons.add(new Reason(Reason.PAUSED, "The person asked for nothing until " + policy.pausedUntil()));
        }
        if (policy.quietStart() != null && policy.quietEnd() != null && policy.zone() != null
                && inQuietHours(at, policy)) {
            reasons.add(new Reason(Reason.QUIET_HOURS, "Quiet hours " + policy.quietStart() + "-" + policy.quietEnd()
                    + " in " + policy.zone()));
        }
        int max = policy.maxTouches() != null ? policy.maxTouches() : defaults.maxTouches();
        int days = policy.windowDays() != null ? policy.windowDays() : defaults.windowDays();
        if (f.touchesInWindow() >= max) {
            reasons.add(new Reason(Reason.FREQUENCY_CAP, f.touchesInWindow() + " of at most " + max + " touches in the last "
                    + days + " days"));
        }
        return reasons;
    }

    /** The first instant from which neither a pause nor the person's quiet hours are in the way. */
    static Instant notBefore(Instant at, Policy policy) {
        return notBefore(at, policy, CompanyRules.NONE, null, null);
    }

    /**
     * The first instant from which neither a pause, the person's quiet hours nor a company quiet time on the channel
     * is in the way. The end of one may fall in another (quiet hours ending on a quiet date), so it steps until
     * nothing moves; a year of steps at most.
     */
    public static Instant notBefore(Instant at, Policy policy, CompanyRules rules, String purpose, Channel channel) {
        boolean quiet = policy.quietStart() != null && policy.quietEnd() != null && policy.zone() != null;
        Instant t = at;
        for (int step = 0; step < 800; step++) {
            Instant next = policy.pausedUntil() != null && t.isBefore(policy.pausedUntil()) ? policy.pausedUntil() : t;
            if (quiet && inQuietHours(next, policy)) {
                next = quietHoursEnd(next, policy);
            }
            next = CompanyRuleCheck.pastQuietTimes(rules, purpose, channel, policy.zone(), next);
            if (next.equals(t)) {
                return t;
            }
            t = next;
        }
        return t;
    }

    /** The first instant after {@code at} at which the person's quiet hours are over (at their end, in their zone). */
    public static Instant quietHoursEnd(Instant at, Policy policy) {
        return windowEnd(at, policy.quietEnd(), policy.zone());
    }

    static boolean inQuietHours(Instant at, Policy policy) {
        return inWindow(at, policy.quietStart(), policy.quietEnd(), policy.zone());
    }

    /** The first instant after {@code at} that is {@code end} o'clock in {@code zone}. */
    static Instant windowEnd(Instant at, LocalTime end, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime until = ZonedDateTime.of(local.toLocalDate(), end, zone);
        if (!until.toInstant().isAfter(at)) {
            until = ZonedDateTime.of(local.toLocalDate().plusDays(1), end, zone);
        }
        return until.toInstant();
    }

    /** Is {@code at} within the daily window from {@code start} to {@code end} (which may span midnight) in {@code zone}? */
    static boolean inWindow(Instant at, LocalTime start, LocalTime end, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    private static Decision no(List<Reason> reasons, Channel channel, Instant at) {
        return new Decision(false, List.copyOf(reasons), null, channel, null, at, null);
    }
}
