package dev.rapport.consent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.EventKind;
import org.junit.jupiter.api.Test;

/** The decision's rows name channels, provenances and event kinds; each name reads as its constant, as valueOf would. */
class EnumNamesTest {
    @Test
    void everyNameReadsAsItsConstantAndAnUnknownOneFails() {
        for (Channel c : Channel.values()) {
            assertEquals(c, DecisionQueries.named(Channel.values(), new String(c.name().toCharArray())));
        }
        for (Provenance p : Provenance.values()) {
            assertEquals(p, DecisionQueries.named(Provenance.values(), new String(p.name().toCharArray())));
        }
        for (EventKind k : EventKind.values()) {
            assertEquals(k, DecisionQueries.named(EventKind.values(), new String(k.name().toCharArray())));
        }
        assertThrows(IllegalArgumentException.class, () -> DecisionQueries.named(Channel.values(), "email"));
    }
}
