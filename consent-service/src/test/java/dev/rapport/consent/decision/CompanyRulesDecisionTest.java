package dev.rapport.consent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Event;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.decision.DecisionFacts.Touch;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.purpose.LawfulBasis;
import dev.rapport.consent.rules.CompanyRules;
import dev.rapport.consent.rules.CompanyRules.Cap;
import dev.rapport.consent.rules.CompanyRules.QuietDates;
import dev.rapport.consent.rules.CompanyRules.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The company's rules beside the person's policy, without a database: caps per channel and purpose, quiet hours and
 * quiet dates per channel in the person's zone, transactional purposes exempt; the strictest wins, every rule in the
 * way is a reason, and quiet times defer with notBefore.
 */
class CompanyRulesDecisionTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z"); // Monday, 14:00 in Paris
    static final Instant BEFORE = NOW.minus(Duration.ofDays(30));
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final UUID EMAIL = UUID.randomUUID();
    static final UUID SMS = UUID.randomUUID();
    static final DecisionEngine.Cap PERSON_DEFAULT = new DecisionEngine.Cap(100, 7);
    static final PurposeInfo NEWSLETTER = new PurposeInfo("newsletter", LawfulBasis.CONSENT);
    static final PurposeInfo SERVICE = new PurposeInfo("service", LawfulBasis.CONTRACT);
    static final List<Point> POINTS = List.of(
            new Point(EMAIL, Channel.EMAIL, "h-email", Provenance.PROVIDED_BY_CONTACT, null, BEFORE, null, null),
            new Point(SMS, Channel.SMS, "h-sms", Provenance.PROVIDED_BY_CONTACT, null, BEFORE, null, null));
    static final List<Event> GRANTS = List.of(
            new Event(UUID.randomUUID(), EventKind.GRANT, Channel.EMAIL, null, null, BEFORE, null, null),
            new Event(UUID.randomUUID(), EventKind.GRANT, Channel.SMS, null, null, BEFORE, null, null));
    static final Policy IN_PARIS = new Policy(List.of(), null, null, PARIS, null, null, false);
    static final Policy SMS_FIRST_IN_PARIS = new Policy(List.of(Channel.SMS, Channel.EMAIL), null, null, PARIS, null, null, false);
    static final Policy NO_ZONE = Policy.NONE;

    static CompanyRules rules(List<Cap> caps, List<QuietDates> dates, List<QuietHours> hours) {
        return new CompanyRules(caps, dates, hours, Set.of("service"), ZoneId.of("UTC"));
    }

    static Cap cap(Channel channel, String purpose, int max, int days) {
        return new Cap(UUID.randomUUID(), channel, purpose, max, days);
    }

    static QuietHours hours(Channel channel, String start, String end) {
        return new QuietHours(UUID.randomUUID(), channel, LocalTime.parse(start), LocalTime.parse(end), null);
    }

    static QuietDates dates(Channel channel, String start, String end) {
        return new QuietDates(UUID.randomUUID(), "Holiday", LocalDate.parse(start), LocalDate.parse(end), channel, null);
    }

    static Touch touch(Channel channel, String purpose, int daysAgo) {
        return new Touch(channel, purpose, NOW.minus(Duration.ofDays(daysAgo)).plusSeconds(60));
    }

    /** A case: the rules and touches in, and what must come out (reason codes in order, the point, notBefore). */
    record Case(String name, PurposeInfo purpose, Channel channel, Policy policy, CompanyRules rules, List<Touch> touches,
            boolean allowed, List<String> reasons, UUID point, Instant notBefore) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case yes(String name, PurposeInfo purpose, Channel channel, Policy policy, CompanyRules rules, List<Touch> touches,
            UUID point) {
        return new Case(name, purpose, channel, policy, rules, touches, true, List.of(), point, null);
    }

    static Case no(String name, PurposeInfo purpose, Channel channel, Policy policy, CompanyRules rules, List<Touch> touches,
            String... reasons) {
        return new Case(name, purpose, channel, policy, rules, touches, false, List.of(reasons), null, null);
    }

    static Case later(String name, Channel channel, Policy policy, CompanyRules rules, UUID point, String notBefore,
            String... reasons) {
        return new Case(name, NEWSLETTER, channel, policy, rules, List.of(), false, List.of(reasons), point,
                Instant.parse(notBefore));
    }

    static Stream<Case> cases() {
        CompanyRules smsCap = rules(List.of(cap(Channel.SMS, null, 1, 7)), List.of(), List.of());
        CompanyRules newsletterCap = rules(List.of(cap(null, "newsletter", 2, 30)), List.of(), List.of());
        CompanyRules newsletterOnSms = rules(List.of(cap(Channel.SMS, "newsletter", 1, 7)), List.of(), List.of());
        List<Case> all = new ArrayList<>();
        all.add(yes("no company rules: allowed", NEWSLETTER, Channel.SMS, IN_PARIS, CompanyRules.NONE, List.of(), SMS));
        all.add(no("SMS at most 1 per 7 days, one SMS 2 days ago: no", NEWSLETTER, Channel.SMS, IN_PARIS, smsCap,
                List.of(touch(Channel.SMS, "survey", 2)), Reason.COMPANY_CHANNEL_CAP));
        all.add(yes("the SMS cap's window is over after 7 days", NEWSLETTER, Channel.SMS, IN_PARIS, smsCap,
                List.of(touch(Channel.SMS, "survey", 8)), SMS));
        all.add(yes("the SMS cap counts SMS touches only", NEWSLETTER, Channel.SMS, IN_PARIS, smsCap,
                List.of(touch(Channel.EMAIL, "survey", 1), touch(Channel.EMAIL, "survey", 2)), SMS));
        all.add(yes("the SMS cap leaves e-mail alone", NEWSLETTER, Channel.EMAIL, IN_PARIS, smsCap,
                List.of(touch(Channel.SMS, "survey", 1)), EMAIL));
        all.add(no("a cap of 0 stops the channel", NEWSLETTER, Channel.SMS, IN_PARIS,
                rules(List.of(cap(Channel.SMS, null, 0, 1)), List.of(), List.of()), List.of(), Reason.COMPANY_CHANNEL_CAP));
        all.add(no("newsletter at most 2 per 30 days counts every channel", NEWSLETTER, Channel.EMAIL, IN_PARIS, newsletterCap,
                List.of(touch(Channel.SMS, "newsletter", 3), touch(Channel.EMAIL, "newsletter", 20)), Reason.COMPANY_PURPOSE_CAP));
        all.add(yes("a purpose cap counts its purpose only", NEWSLETTER, Channel.EMAIL, IN_PARIS, newsletterCap,
                List.of(touch(Channel.EMAIL, "survey", 3), touch(Channel.EMAIL, "newsletter", 20)), EMAIL));
        all.add(yes("another purpose's cap does not apply", NEWSLETTER, Channel.EMAIL, IN_PARIS,
                rules(List.of(cap(null, "survey", 0, 30)), List.of(), List.of()), List.of(), EMAIL));
        all.add(yes("a purpose cap on SMS ignores newsletters by e-mail", NEWSLETTER, Channel.SMS, IN_PARIS, newsletterOnSms,
                List.of(touch(Channel.EMAIL, "newsletter", 1)), SMS));
        all.add(no("a purpose cap on SMS counts newsletters by SMS", NEWSLETTER, Channel.SMS, IN_PARIS, newsletterOnSms,
                List.of(touch(Channel.SMS, "newsletter", 1)), Reason.COMPANY_PURPOSE_CAP));
        all.add(yes("a transactional purpose is exempt from every company rule", SERVICE, Channel.SMS, IN_PARIS,
                rules(List.of(cap(Channel.SMS, null, 0, 7)), List.of(dates(null, "2026-06-01", "2026-06-01")),
                        List.of(hours(null, "13:00", "15:00"))), List.of(), SMS));
        all.add(no("strictest wins: the person's cap and the company's, both named", NEWSLETTER, Channel.SMS,
                new Policy(List.of(), null, null, PARIS, 1, 7, false), smsCap, List.of(touch(Channel.SMS, "survey", 1)),
                Reason.FREQUENCY_CAP, Reason.COMPANY_CHANNEL_CAP));
        all.add(no("do not contact and a company cap: both named", NEWSLETTER, Channel.SMS,
                new Policy(List.of(), null, null, PARIS, null, null, true), smsCap, List.of(touch(Channel.SMS, "survey", 1)),
                Reason.DO_NOT_CONTACT, Reason.COMPANY_CHANNEL_CAP));
        all.add(later("company quiet hours 13:00-15:00 in the person's zone: not now, from 15:00 Paris", Channel.EMAIL,
                IN_PARIS, rules(List.of(), List.of(), List.of(hours(null, "13:00", "15:00"))), EMAIL, "2026-06-01T13:00:00Z",
                Reason.COMPANY_QUIET_HOURS));
        all.add(later("a person without a zone: the default zone (UTC), 11:00-13:00", Channel.EMAIL, NO_ZONE,
                rules(List.of(), List.of(), List.of(hours(null, "11:00", "13:00"))), EMAIL, "2026-06-01T13:00:00Z",
                Reason.COMPANY_QUIET_HOURS));
        all.add(later("a person without a zone: the rule's fallback zone first", Channel.EMAIL, NO_ZONE,
                rules(List.of(), List.of(), List.of(new QuietHours(UUID.randomUUID(), null, LocalTime.parse("13:00"),
                        LocalTime.parse("15:00"), PARIS))), EMAIL, "2026-06-01T13:00:00Z", Reason.COMPANY_QUIET_HOURS));
        all.add(yes("SMS quiet hours leave e-mail alone", NEWSLETTER, Channel.EMAIL, IN_PARIS,
                rules(List.of(), List.of(), List.of(hours(Channel.SMS, "13:00", "15:00"))), List.of(), EMAIL));
        all.add(later("a quiet date today: not now, from midnight in the person's zone", Channel.EMAIL, IN_PARIS,
                rules(List.of(), List.of(dates(null, "2026-06-01", "2026-06-01")), List.of()), EMAIL, "2026-06-01T22:00:00Z",
                Reason.COMPANY_QUIET_DATE));
        all.add(yes("quiet dates in the past do not apply", NEWSLETTER, Channel.EMAIL, IN_PARIS,
                rules(List.of(), List.of(dates(null, "2026-05-20", "2026-05-31")), List.of()), List.of(), EMAIL));
        all.add(yes("SMS quiet dates leave e-mail alone", NEWSLETTER, Channel.EMAIL, IN_PARIS,
                rules(List.of(), List.of(dates(Channel.SMS, "2026-06-01", "2026-06-03")), List.of()), List.of(), EMAIL));
        all.add(later("quiet dates, then quiet hours 20:00-09:00: not before 09:00 the day after, Paris", Channel.EMAIL,
                IN_PARIS, rules(List.of(), List.of(dates(null, "2026-05-31", "2026-06-01")),
                        List.of(hours(null, "20:00", "09:00"))), EMAIL, "2026-06-02T07:00:00Z", Reason.COMPANY_QUIET_DATE));
        all.add(later("the person's quiet hours and the company's: both named, the later end wins", Channel.EMAIL,
                new Policy(List.of(), LocalTime.parse("13:00"), LocalTime.parse("14:30"), PARIS, null, null, false),
                rules(List.of(), List.of(), List.of(hours(null, "14:00", "15:00"))), EMAIL, "2026-06-01T13:00:00Z",
                Reason.QUIET_HOURS, Reason.COMPANY_QUIET_HOURS));
        all.add(no("a cap and quiet hours: a plain no naming both", NEWSLETTER, Channel.SMS, IN_PARIS,
                rules(List.of(cap(Channel.SMS, null, 1, 7)), List.of(), List.of(hours(null, "13:00", "15:00"))),
                List.of(touch(Channel.SMS, "survey", 1)), Reason.COMPANY_CHANNEL_CAP, Reason.COMPANY_QUIET_HOURS));
        all.add(yes("any channel: the preferred SMS is capped, e-mail is used now", NEWSLETTER, null, SMS_FIRST_IN_PARIS, smsCap,
                List.of(touch(Channel.SMS, "survey", 1)), EMAIL));
        all.add(later("any channel: SMS capped, e-mail in its quiet hours: e-mail later", null, SMS_FIRST_IN_PARIS,
                rules(List.of(cap(Channel.SMS, null, 0, 7)), List.of(), List.of(hours(Channel.EMAIL, "13:00", "15:00"))), EMAIL,
                "2026-06-01T13:00:00Z", Reason.COMPANY_QUIET_HOURS));
        all.add(no("any channel: both capped, every cap named", NEWSLETTER, null, SMS_FIRST_IN_PARIS,
                rules(List.of(cap(Channel.SMS, null, 0, 7), cap(Channel.EMAIL, null, 0, 7)), List.of(), List.of()), List.of(),
                Reason.COMPANY_CHANNEL_CAP, Reason.COMPANY_CHANNEL_CAP));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        DecisionFacts facts = new DecisionFacts(UUID.randomUUID(), true, false, POINTS, GRANTS, c.policy(), c.touches().size(),
                c.touches());
        Decision d = DecisionEngine.decide(facts, c.purpose(), c.channel(), null, NOW, PERSON_DEFAULT, c.rules());
        assertEquals(c.allowed(), d.allowed(), "allowed: " + d.reasons());
        assertEquals(c.reasons(), d.reasons().stream().map(Reason::code).toList(), "reasons: " + d.reasons());
        assertEquals(c.point(), d.contactPointId(), "point");
        assertEquals(c.notBefore(), d.notBefore(), "not before");
        d.reasons().stream().filter(r -> r.code().startsWith("company-"))
                .forEach(r -> assertTrue(r.ruleId() != null, "a company reason names its rule: " + r));
    }

    @Test
    void everyCompanyReasonNamesTheRuleThatApplies() {
        Cap cap = cap(Channel.SMS, null, 0, 7);
        QuietHours quiet = hours(null, "13:00", "15:00");
        DecisionFacts facts = new DecisionFacts(UUID.randomUUID(), true, false, POINTS, GRANTS, IN_PARIS, 0, List.of());
        Decision d = DecisionEngine.decide(facts, NEWSLETTER, Channel.SMS, null, NOW, PERSON_DEFAULT,
                rules(List.of(cap), List.of(), List.of(quiet)));
        assertEquals(List.of(cap.id(), quiet.id()), d.reasons().stream().map(Reason::ruleId).toList());
    }
}
