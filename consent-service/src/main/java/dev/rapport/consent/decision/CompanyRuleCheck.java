package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Touch;
import dev.rapport.consent.rules.CompanyRules;
import dev.rapport.consent.rules.CompanyRules.Cap;
import dev.rapport.consent.rules.CompanyRules.QuietDates;
import dev.rapport.consent.rules.CompanyRules.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The company's rules for one channel, beside the person's own policy (docs/consent.md, "Company rules"). Every rule
 * that applies is a reason of its own, naming the rule; none apply to a transactional purpose. Quiet times are in the
 * person's zone (the rule's fallback zone, then the configured default, for someone who gave none).
 */
final class CompanyRuleCheck {
    private CompanyRuleCheck() {
    }

    /**
     * The company rules in the way of a message for {@code purpose} on {@code channel} at {@code at}; with a null channel
     * (no usable point to pick one) only the rules for every channel.
     */
    static List<Reason> reasons(CompanyRules rules, String purpose, Channel channel, List<Touch> touches, ZoneId personZone,
            Instant at) {
        if (rules.exempts(purpose)) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>();
        for (Cap cap : rules.caps()) {
            if (!applies(cap.channel(), channel) || cap.purpose() != null && !cap.purpose().equals(purpose)) {
                continue;
            }
            Instant from = at.minus(Duration.ofDays(cap.windowDays()));
            long n = touches.stream().filter(t -> t.at().isAfter(from) && !t.at().isAfter(at))
                    .filter(t -> cap.channel() == null || cap.channel() == t.channel())
                    .filter(t -> cap.purpose() == null || cap.purpose().equals(t.purpose()))
                    .count();
            if (n >= cap.maxTouches()) {
                String scope = (cap.purpose() == null ? "" : cap.purpose() + " ") + (cap.channel() == null ? "" : cap.channel() + " ");
                reasons.add(new Reason(cap.purpose() == null ? Reason.COMPANY_CHANNEL_CAP : Reason.COMPANY_PURPOSE_CAP,
                        "Company cap: " + n + " of at most " + cap.maxTouches() + " " + scope + "touches in the last "
                                + cap.windowDays() + " days", cap.id()));
            }
        }
        for (QuietHours q : rules.quietHours()) {
            ZoneId zone = zone(personZone, q.fallbackZone(), rules);
            if (applies(q.channel(), channel) && DecisionEngine.inWindow(at, q.start(), q.end(), zone)) {
                reasons.add(new Reason(Reason.COMPANY_QUIET_HOURS, "Company quiet hours " + q.start() + "-" + q.end() + " in "
                        + zone + (q.channel() == null ? "" : " on " + q.channel()), q.id()));
            }
        }
        for (QuietDates d : rules.quietDates()) {
            ZoneId zone = zone(personZone, d.fallbackZone(), rules);
            if (applies(d.channel(), channel) && within(d, at, zone)) {
                reasons.add(new Reason(Reason.COMPANY_QUIET_DATE, "Company quiet dates \"" + d.name() + "\" " + d.start()
                        + (d.end().equals(d.start()) ? "" : " to " + d.end()) + " in " + zone
                        + (d.channel() == null ? "" : " on " + d.channel()), d.id()));
            }
        }
        return reasons;
    }

    /**
     * {@code t}, or if a company quiet time on {@code channel} covers it, the end of that quiet time (one step: the
     * caller repeats until nothing moves, since the end of one may fall in another).
     */
    static Instant pastQuietTimes(CompanyRules rules, String purpose, Channel channel, ZoneId personZone, Instant t) {
        if (rules.exempts(purpose)) {
            return t;
        }
        Instant next = t;
        for (QuietHours q : rules.quietHours()) {
            ZoneId zone = zone(personZone, q.fallbackZone(), rules);
            if (applies(q.channel(), channel) && DecisionEngine.inWindow(next, q.start(), q.end(), zone)) {
                next = DecisionEngine.windowEnd(next, q.end(), zone);
            }
        }
        for (QuietDates d : rules.quietDates()) {
            ZoneId zone = zone(personZone, d.fallbackZone(), rules);
            if (applies(d.channel(), channel) && within(d, next, zone)) {
                next = d.end().plusDays(1).atStartOfDay(zone).toInstant();
            }
        }
        return next;
    }

    /** A rule for every channel applies to any; a rule for one channel only to it. */
    private static boolean applies(Channel ruleChannel, Channel channel) {
        return ruleChannel == null || ruleChannel == channel;
    }

    private static boolean within(QuietDates d, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return !day.isBefore(d.start()) && !day.isAfter(d.end());
    }

    private static ZoneId zone(ZoneId person, ZoneId fallback, CompanyRules rules) {
        return person != null ? person : fallback != null ? fallback : rules.defaultZone();
    }
}
