package dev.rapport.consent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Event;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision rules without a database: facts in, a decision out (allowed, reasons, point, evidence, not before). */
class DecisionEngineTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z"); // 14:00 in Paris
    static final Instant BEFORE = NOW.minusSeconds(86_400);
    static final UUID EMAIL = UUID.randomUUID();
    static final UUID PHONE = UUID.randomUUID();
    static final DecisionEngine.Cap CAP = new DecisionEngine.Cap(3, 7);
    static final PurposeInfo CONSENT = new PurposeInfo("newsletter", LawfulBasis.CONSENT);
    static final PurposeInfo CONTRACT = new PurposeInfo("service", LawfulBasis.CONTRACT);

    static Point email(Provenance provenance) {
        return new Point(EMAIL, Channel.EMAIL, "h-email", provenance, null, BEFORE.minusSeconds(60), null, null);
    }

    static Point phone() {
        return new Point(PHONE, Channel.PHONE, "h-phone", Provenance.PROVIDED_BY_CONTACT, null, BEFORE.minusSeconds(60), null, null);
    }

    static Event event(EventKind kind, Channel channel, Instant at) {
        return new Event(UUID.randomUUID(), kind, channel, null, null, at, null, null);
    }

    static final Event GRANT = event(EventKind.GRANT, Channel.EMAIL, BEFORE);

    /** A case: its facts and what must come out ({@code reasons} as codes, in order; {@code point}: the point used). */
    record Case(String name, PurposeInfo purpose, Channel channel, List<Point> points, List<Event> events, Policy policy,
            int touches, boolean allowed, List<String> reasons, UUID point, Event evidence, Instant notBefore) {
        @Override
        public String toString() {
            return name;
        }

        Case withTouches(int n) {
            return new Case(name, purpose, channel, points, events, policy, n, allowed, reasons, point, evidence, notBefore);
        }
    }

    static Case allowed(String name, PurposeInfo purpose, List<Point> points, List<Event> events, Policy policy, UUID point,
            Event evidence) {
        return new Case(name, purpose, Channel.EMAIL, points, events, policy, 0, true, List.of(), point, evidence, null);
    }

    static Case denied(String name, PurposeInfo purpose, List<Point> points, List<Event> events, Policy policy, int touches,
            String... reasons) {
        return new Case(name, purpose, Channel.EMAIL, points, events, policy, touches, false, List.of(reasons), null, null, null);
    }

    static Policy quiet(String start, String end) {
        return new Policy(List.of(), LocalTime.parse(start), LocalTime.parse(end), ZoneId.of("Europe/Paris"), null, null, false);
    }

    static Stream<Case> cases() {
        Point given = email(Provenance.PROVIDED_BY_CONTACT);
        Point bought = email(Provenance.ENRICHMENT);
        Event expiring = new Event(UUID.randomUUID(), EventKind.GRANT, Channel.EMAIL, null, null, BEFORE, NOW.minusSeconds(1), null);
        Event objectionUntilYesterday = new Event(UUID.randomUUID(), EventKind.OBJECT, null, null, null, BEFORE.minusSeconds(60),
                null, BEFORE);
        Event pointGrant = new Event(UUID.randomUUID(), EventKind.GRANT, Channel.EMAIL, EMAIL, "h-email", BEFORE, null, null);
        Policy paused = new Policy(List.of(), null, null, null, null, null, false, NOW.plusSeconds(3600));
        Policy dnc = new Policy(List.of(), null, null, null, null, null, true);
        Policy ownCap = new Policy(List.of(), null, null, null, 10, 30, false);
        List<Case> all = new ArrayList<>();
        all.add(allowed("a grant on the channel allows a point the person gave", CONSENT, List.of(given), List.of(GRANT),
                Policy.NONE, EMAIL, GRANT));
        all.add(denied("no grant: no consent", CONSENT, List.of(given), List.of(), Policy.NONE, 0, Reason.NO_CONSENT));
        all.add(denied("a later withdrawal wins", CONSENT, List.of(given),
                List.of(GRANT, event(EventKind.WITHDRAW, null, BEFORE.plusSeconds(1))), Policy.NONE, 0, Reason.WITHDRAWN));
        all.add(denied("a refusal", CONSENT, List.of(given), List.of(event(EventKind.DENY, Channel.EMAIL, BEFORE)), Policy.NONE, 0,
                Reason.DENIED));
        all.add(denied("an expired grant", CONSENT, List.of(given), List.of(expiring), Policy.NONE, 0, Reason.EXPIRED));
        all.add(denied("an objection in force", CONSENT, List.of(given),
                List.of(GRANT, event(EventKind.OBJECT, null, BEFORE.plusSeconds(1))), Policy.NONE, 0, Reason.OBJECTION));
        all.add(allowed("an objection until a past date lapses: the grant before it decides", CONSENT, List.of(given),
                List.of(GRANT, objectionUntilYesterday), Policy.NONE, EMAIL, GRANT));
        all.add(denied("an event after the instant asked does not count", CONSENT, List.of(given),
                List.of(event(EventKind.GRANT, Channel.EMAIL, NOW.plusSeconds(1))), Policy.NONE, 0, Reason.NO_CONSENT));
        all.add(denied("a channel-wide grant does not cover a bought address", CONSENT, List.of(bought), List.of(GRANT),
                Policy.NONE, 0, Reason.POINT_NOT_GIVEN));
        all.add(allowed("a grant naming a bought address covers it", CONSENT, List.of(bought), List.of(pointGrant), Policy.NONE,
                EMAIL, pointGrant));
        all.add(allowed("contract basis needs no grant on a point the person gave", CONTRACT, List.of(given), List.of(),
                Policy.NONE, EMAIL, null));
        all.add(denied("contract basis still uses only points the person gave", CONTRACT, List.of(bought), List.of(),
                Policy.NONE, 0, Reason.POINT_NOT_GIVEN));
        all.add(denied("contract basis yields to an objection", CONTRACT, List.of(given),
                List.of(event(EventKind.OBJECT, null, BEFORE)), Policy.NONE, 0, Reason.OBJECTION));
        all.add(denied("no point on the channel", CONSENT, List.of(phone()), List.of(GRANT), Policy.NONE, 0, Reason.NO_USABLE_POINT));
        all.add(denied("a bounced point is not used", CONSENT,
                List.of(new Point(EMAIL, Channel.EMAIL, "h", Provenance.PROVIDED_BY_CONTACT, null, BEFORE, null, BEFORE)),
                List.of(GRANT), Policy.NONE, 0, Reason.POINT_UNDELIVERABLE));
        all.add(denied("do not contact", CONSENT, List.of(given), List.of(GRANT), dnc, 0, Reason.DO_NOT_CONTACT));
        all.add(denied("the default cap reached", CONSENT, List.of(given), List.of(GRANT), Policy.NONE, 3, Reason.FREQUENCY_CAP));
        all.add(allowed("the person's own, higher cap", CONSENT, List.of(given), List.of(GRANT), ownCap, EMAIL, GRANT)
                .withTouches(5));
        all.add(new Case("paused: not now, from the end of the pause", CONSENT, Channel.EMAIL, List.of(given), List.of(GRANT),
                paused, 0, false, List.of(Reason.PAUSED), EMAIL, GRANT, NOW.plusSeconds(3600)));
        all.add(new Case("quiet hours (13:00-15:00 Paris): not now, from 15:00 Paris", CONSENT, Channel.EMAIL, List.of(given),
                List.of(GRANT), quiet("13:00", "15:00"), 0, false, List.of(Reason.QUIET_HOURS), EMAIL, GRANT,
                Instant.parse("2026-06-01T13:00:00Z")));
        all.add(allowed("quiet hours over midnight (22:00-07:00) do not cover 14:00", CONSENT, List.of(given), List.of(GRANT),
                quiet("22:00", "07:00"), EMAIL, GRANT));
        all.add(denied("quiet hours and do not contact: a plain no", CONSENT, List.of(given), List.of(GRANT),
                new Policy(List.of(), LocalTime.parse("13:00"), LocalTime.parse("15:00"), ZoneId.of("Europe/Paris"), null, null, true),
                0, Reason.DO_NOT_CONTACT, Reason.QUIET_HOURS));
        Event phoneGrant = event(EventKind.GRANT, Channel.PHONE, BEFORE);
        all.add(new Case("any channel: the preferred channel's point first", CONSENT, null, List.of(given, phone()),
                List.of(GRANT, phoneGrant), new Policy(List.of(Channel.PHONE), null, null, null, null, null, false), 0, true,
                List.of(), PHONE, phoneGrant, null));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        DecisionFacts facts = new DecisionFacts(UUID.randomUUID(), true, false, c.points(), c.events(), c.policy(), c.touches());
        Decision d = DecisionEngine.decide(facts, c.purpose(), c.channel(), null, NOW, CAP);
        assertEquals(c.allowed(), d.allowed(), "allowed: " + d.reasons());
        assertEquals(c.reasons(), d.reasons().stream().map(Reason::code).toList());
        assertEquals(c.point(), d.contactPointId(), "point");
        if (c.evidence() != null || c.allowed() && c.purpose() == CONSENT) {
            assertEquals(c.evidence() == null ? null : c.evidence().id(), d.evidenceEventId(), "evidence");
        }
        assertEquals(c.notBefore(), d.notBefore(), "not before");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anErasedOrUnknownContactIsNeverAllowed(Case c) {
        DecisionFacts erased = new DecisionFacts(UUID.randomUUID(), true, true, c.points(), c.events(), c.policy(), c.touches());
        assertEquals(List.of(Reason.UNKNOWN_CONTACT), DecisionEngine.decide(erased, c.purpose(), c.channel(), null, NOW, CAP)
                .reasons().stream().map(Reason::code).toList());
        assertEquals(false, DecisionEngine.decide(DecisionFacts.unknown(UUID.randomUUID()), c.purpose(), c.channel(), null, NOW, CAP)
                .allowed());
    }
}
