package dev.rapport.consent.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.DecisionEngine;
import dev.rapport.consent.decision.DecisionFacts;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Does this ledger event cover this contact point": one table, asked of the rule itself, of the decision engine and
 * of the consent projection, which must all answer alike (they once did not: a merge lost a point-scoped consent).
 */
class CoverageTest {
    static final UUID POINT = UUID.randomUUID();
    static final UUID OTHER_POINT = UUID.randomUUID();
    /** The survivor's own point for the same address, kept by the merge that removed {@link #POINT}. */
    static final UUID SURVIVOR_POINT = UUID.randomUUID();
    static final UUID GRANT = UUID.randomUUID();
    static final String HASH_KEYED_BY_B = "hmac(salt-of-B, EMAIL:b@example.org)";
    static final String HASH_KEYED_BY_A = "hmac(salt-of-A, EMAIL:b@example.org)";
    static final String OTHER_ADDRESS = "hmac(salt-of-B, EMAIL:new@example.org)";
    static final String SURVIVOR_OTHER_ADDRESS = "hmac(salt-of-A, EMAIL:a.new@example.org)";
    static final Instant GRANTED = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant MERGED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final PurposeInfo NEWSLETTER = new PurposeInfo("newsletter", LawfulBasis.CONSENT);

    /** The event: channel (null = every channel), point (null = channel-wide), the point's hash when recorded. */
    record Ev(EventKind kind, Channel channel, UUID pointId, String pointHash) {
    }

    /**
     * The point as it stands at {@code at} (address hash null once removed); {@code covered}: the rule's answer and
     * the engine's (allowed with the grant as evidence); {@code shown}: the projection shows the grant in force.
     */
    record Row(String name, Ev event, UUID pointId, String addressHash, Instant addedAt, Instant removedAt, Instant at,
            boolean covered, boolean shown, List<PointFold> folds) {
        Row(String name, Ev event, UUID pointId, String addressHash, Instant addedAt, Instant removedAt, Instant at,
                boolean covered, boolean shown) {
            this(name, event, pointId, addressHash, addedAt, removedAt, at, covered, shown, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Ev grantOn(UUID point, String hash) {
        return new Ev(EventKind.GRANT, Channel.EMAIL, point, hash);
    }

    static Stream<Row> table() {
        Ev channelWide = new Ev(EventKind.GRANT, Channel.EMAIL, null, null);
        Ev pointScoped = grantOn(POINT, HASH_KEYED_BY_B);
        return Stream.of(
                new Row("channel-wide grant covers a point of its channel", channelWide,
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, true, true),
                new Row("a grant on another channel does not", new Ev(EventKind.GRANT, Channel.PHONE, null, null),
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, false, true),
                new Row("a grant on every channel covers it", new Ev(EventKind.GRANT, null, null, null),
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, true, true),
                new Row("point-scoped grant covers its point", pointScoped,
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, true, true),
                new Row("point-scoped grant does not cover another point", grantOn(OTHER_POINT, HASH_KEYED_BY_B),
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, false, false),
                new Row("point-scoped grant recorded before the point's hash was known", grantOn(POINT, null),
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, true, true),
                new Row("point-scoped grant no longer covers a changed address", pointScoped,
                        POINT, OTHER_ADDRESS, GRANTED, null, NOW, false, false),
                new Row("point moved by a merge keeps the hash it was first keyed with: covered", pointScoped,
                        POINT, HASH_KEYED_BY_B, MERGED, null, NOW, true, true),
                new Row("point moved by a merge and re-keyed with the survivor's salt (the old defect): lost", pointScoped,
                        POINT, HASH_KEYED_BY_A, MERGED, null, NOW, false, false),
                new Row("as of before the merge, the point under its first contact: covered", pointScoped,
                        POINT, HASH_KEYED_BY_B, GRANTED, null, MERGED.minusSeconds(86_400), true, true),
                new Row("as of after the merge, the moved point: covered", pointScoped,
                        POINT, HASH_KEYED_BY_B, MERGED, null, MERGED.plusSeconds(1), true, true),
                new Row("as of before the grant: nothing covers", pointScoped,
                        POINT, HASH_KEYED_BY_B, GRANTED.minusSeconds(86_400), null, GRANTED.minusSeconds(1), false, false),
                new Row("removed point: not covered", pointScoped,
                        POINT, null, GRANTED, MERGED, NOW, false, false),
                new Row("removed point, channel-wide grant: nothing to use, the grant still shown", channelWide,
                        POINT, null, GRANTED, MERGED, NOW, false, true),
                new Row("point re-added with the same address: covered again", pointScoped,
                        POINT, HASH_KEYED_BY_B, MERGED, null, NOW, true, true),
                new Row("point re-added with another address: not covered", pointScoped,
                        POINT, OTHER_ADDRESS, MERGED, null, NOW, false, false),
                new Row("an erasure marker covers nothing", new Ev(EventKind.ERASURE, null, null, null),
                        POINT, HASH_KEYED_BY_B, GRANTED, null, NOW, false, false));
    }

    /**
     * The survivor already held the merged-away contact's address: the merge kept the survivor's point and folded the
     * other into it ({@link PointFold}).
     */
    static Stream<Row> folds() {
        Ev pointScoped = grantOn(POINT, HASH_KEYED_BY_B);
        List<PointFold> folded = List.of(new PointFold(POINT, HASH_KEYED_BY_B, SURVIVOR_POINT, HASH_KEYED_BY_A, MERGED));
        return Stream.of(
                new Row("address already held: the folded point's grant covers the survivor's point", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, true, true, folded),
                new Row("address already held, no fold recorded (the defect): not covered", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, false, false),
                new Row("address already held, as of before the merge: not covered", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, MERGED.minusSeconds(86_400), false, false, folded),
                new Row("address already held, as of the merge: covered", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, MERGED, true, true, folded),
                new Row("grant recorded before the folded point's hash was known: covered", grantOn(POINT, null),
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, true, true, folded),
                new Row("the folded point's address changed after the grant: the fold is of another address", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, false, false,
                        List.of(new PointFold(POINT, OTHER_ADDRESS, SURVIVOR_POINT, HASH_KEYED_BY_A, MERGED))),
                new Row("the survivor's point changed address after the merge: not covered", pointScoped,
                        SURVIVOR_POINT, SURVIVOR_OTHER_ADDRESS, GRANTED, null, NOW, false, false, folded),
                new Row("the survivor's point removed after the merge: not covered", pointScoped,
                        SURVIVOR_POINT, null, GRANTED, MERGED.plusSeconds(60), NOW, false, false, folded),
                new Row("the survivor's point re-added with the address it held: covered again", pointScoped,
                        SURVIVOR_POINT, HASH_KEYED_BY_A, MERGED.plusSeconds(120), null, NOW, true, true, folded),
                new Row("a fold reaches only the point folded into", pointScoped,
                        OTHER_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, false, false, folded),
                new Row("a fold does not reach a grant naming another point", grantOn(OTHER_POINT, HASH_KEYED_BY_B),
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, false, false, folded),
                new Row("a channel-wide grant is unaffected by folds", new Ev(EventKind.GRANT, Channel.EMAIL, null, null),
                        SURVIVOR_POINT, HASH_KEYED_BY_A, GRANTED, null, NOW, true, true, folded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"table", "folds"})
    void theRuleTheEngineAndTheProjectionAnswerAlike(Row row) {
        Ev e = row.event();
        Instant at = row.at();
        boolean eventInForce = !GRANTED.isAfter(at);
        boolean pointPresent = !row.addedAt().isAfter(at) && (row.removedAt() == null || row.removedAt().isAfter(at));

        boolean rule = eventInForce && pointPresent
                && Coverage.covers(e.kind(), e.channel(), e.pointId(), e.pointHash(), Channel.EMAIL, row.pointId(), row.addressHash(),
                        row.folds(), at);
        assertEquals(row.covered(), rule, "the rule");

        Point point = new Point(row.pointId(), Channel.EMAIL, row.addressHash(), Provenance.PROVIDED_BY_CONTACT, null,
                row.addedAt(), row.removedAt(), null);
        DecisionFacts facts = new DecisionFacts(UUID.randomUUID(), true, false, List.of(point),
                List.of(new DecisionFacts.Event(GRANT, e.kind(), e.channel(), e.pointId(), e.pointHash(), GRANTED, null, null)),
                Policy.NONE, 0, List.of(), row.folds());
        Decision d = DecisionEngine.decide(facts, NEWSLETTER, Channel.EMAIL, null, at, new DecisionEngine.Cap(100, 7));
        assertEquals(row.covered(), d.allowed(), "the engine: " + d.reasons());
        assertEquals(row.covered() ? GRANT : null, d.evidenceEventId(), "the engine's evidence");

        Map<UUID, String> hashes = new HashMap<>();
        if (pointPresent && row.addressHash() != null) {
            hashes.put(row.pointId(), row.addressHash());
        }
        List<ConsentState> states = Projection.of(List.of(new Projection.Entry(GRANT, e.kind(), "newsletter", e.channel(),
                e.pointId(), e.pointHash(), GRANTED, null, null, LawfulBasis.CONSENT, EventSource.WEB_FORM)), hashes, row.folds(), at);
        boolean shown = states.stream().anyMatch(s -> s.eventId().equals(GRANT) && s.status() == ConsentState.Status.GRANTED);
        assertEquals(row.shown(), shown, "the projection: " + states);
    }
}
