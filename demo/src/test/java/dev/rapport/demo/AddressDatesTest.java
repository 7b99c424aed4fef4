package dev.rapport.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.demo.People.Origin;
import dev.rapport.demo.People.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every message says when the person gave the address it went to and when they consented: in the demo an address
 * given on a form is dated the day of the consents given with it, never the day the demo was loaded after them.
 */
class AddressDatesTest {
    @Test
    void anAddressGivenOnAFormIsDatedWhenThePersonSignedUpBeforeTheirConsents() {
        Instant anchor = Instant.now().plusSeconds(60); // the first demo contact is created just after its address is dated
        int checked = 0;
        for (Person p : People.cast(300, 0)) {
            if (p.origin() != Origin.PROVIDED) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) ContactsLoader.provided(p, Map.of()).get("contactPoints");
            List<ConsentLoader.Event> consents = ConsentLoader.events(p, anchor);
            for (Map<String, Object> point : points) {
                assertTrue(point.containsKey("capturedAt"), p.display() + ": an address without its date is dated today");
                Instant given = Instant.parse((String) point.get("capturedAt"));
                for (ConsentLoader.Event e : consents) {
                    Instant at = Instant.parse((String) e.body().get("occurredAt"));
                    if ("GRANT".equals(e.body().get("kind"))) {
                        assertFalse(given.isAfter(at), p.display() + ": address given " + given + " after the consent " + at);
                        assertTrue(Duration.between(given, at).toHours() < 24, p.display() + ": given " + given + ", consented " + at);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 200, "addresses checked: " + checked);
        assertEquals(0, People.cast(300, 0).stream().filter(p -> p.origin() == Origin.PROVIDED)
                .map(p -> ContactsLoader.signedUpAt(p)).filter(at -> at.isAfter(Instant.now().minus(Duration.ofDays(29)))).count(),
                "every sign-up is at least 30 days back");
    }
}
