package dev.rapport.consent.facts;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.nextSeq;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * B grants a purpose on e-mail naming B's own e-mail contact point; B is merged into A. The merge (as contacts-service
 * sends it: the point REMOVED from B, ADDED to A, then MERGED) must not lose the consent: A's decision is a yes with
 * B's event as evidence, B's id answers as A, A's consents show the grant, and decisions as of before the merge are the
 * ones given then.
 */
@QuarkusTest
class MergedPointConsentTest {

    static Map<String, Object> decision(UUID contactId, String purpose, Instant at) {
        return as("marketer").body("{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\""
                        + (at == null ? "" : ",\"at\":\"" + at + "\"") + "}")
                .post("/decisions").then().statusCode(200).extract().jsonPath().getMap("");
    }

    static String batch(String... events) {
        StringBuilder b = new StringBuilder("[");
        for (String e : events) {
            b.append(b.length() > 1 ? "," : "").append(e.replaceAll("^\\[|\\]$", ""));
        }
        return b.append("]").toString();
    }

    /** A and B, each with an e-mail point given by them; B grants a new purpose naming B's point; decisions before a merge. */
    record TwoPeople(String purposeCode, UUID a, UUID b, UUID aPoint, UUID bPoint, String grant, Instant now, Instant beforeMerge,
            Map<String, Object> aBefore, Map<String, Object> bBefore) {

        static TwoPeople withAddresses(String aAddress, String bAddress) {
            String newsletter = purpose("newsletter", "CONSENT");
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant added = now.minusSeconds(120);
            UUID aPoint = addPoint(a, "EMAIL", aAddress, "PROVIDED_BY_CONTACT", added);
            UUID bPoint = addPoint(b, "EMAIL", bAddress, "PROVIDED_BY_CONTACT", added);
            String grant = record(b, "GRANT", newsletter, null,
                    ",\"contactPointId\":\"" + bPoint + "\",\"occurredAt\":\"" + now.minusSeconds(100) + "\"");
            Instant beforeMerge = now.minusSeconds(50);
            TwoPeople t = new TwoPeople(newsletter, a, b, aPoint, bPoint, grant, now, beforeMerge,
                    decision(a, newsletter, beforeMerge), decision(b, newsletter, beforeMerge));
            assertEquals(false, t.aBefore().get("allowed"), "A had no consent of its own");
            assertEquals(true, t.bBefore().get("allowed"));
            assertEquals(grant, t.bBefore().get("evidenceEventId"));
            return t;
        }

        /** As of before the merge nothing changed: A and B were two people then. */
        void assertDecisionsBeforeTheMergeUnchanged() {
            Map<String, Object> aAgain = decision(a, purposeCode, beforeMerge);
            Map<String, Object> bAgain = decision(b, purposeCode, beforeMerge);
            for (String field : new String[] {"allowed", "reasons", "contactPointId", "evidenceEventId", "notBefore"}) {
                assertEquals(aBefore.get(field), aAgain.get(field), "A as of before the merge, " + field);
                assertEquals(bBefore.get(field), bAgain.get(field), "B as of before the merge, " + field);
            }
            agent().get("/contacts/" + a + "/consents?at=" + beforeMerge).then().statusCode(200)
                    .body("eventId", org.hamcrest.Matchers.not(hasItem(grant)));
        }
    }

    @Test
    void aConsentNamingTheMergedContactsPointSurvivesTheMerge() {
        TwoPeople t = TwoPeople.withAddresses("a@example.org", "b@example.org");
        String newsletter = t.purposeCode();
        UUID a = t.a();
        UUID b = t.b();
        UUID aPoint = t.aPoint();
        UUID bPoint = t.bPoint();
        String grant = t.grant();
        Instant now = t.now();

        Instant merged = now.minusSeconds(20);
        integration().body(batch(
                        pointEvent(UUID.randomUUID(), "REMOVED", b, bPoint, "EMAIL", "b@example.org", "PROVIDED_BY_CONTACT", merged),
                        pointEvent(UUID.randomUUID(), "ADDED", a, bPoint, "EMAIL", "b@example.org", "PROVIDED_BY_CONTACT", merged),
                        "{\"eventId\":\"" + UUID.randomUUID() + "\",\"seq\":" + nextSeq() + ",\"type\":\"contact-point-changed\","
                                + "\"occurredAt\":\"" + merged + "\",\"payload\":{\"change\":\"MERGED\",\"contactId\":\"" + a
                                + "\",\"mergedContactId\":\"" + b + "\"}}"))
                .post("/contact-point-facts/events").then().statusCode(200).body("applied", equalTo(3));

        Map<String, Object> aNow = decision(a, newsletter, null);
        assertEquals(true, aNow.get("allowed"), "A's decision after the merge: " + aNow);
        assertEquals(grant, aNow.get("evidenceEventId"), "B's original event is the evidence");
        assertEquals(bPoint.toString(), aNow.get("contactPointId"));
        Map<String, Object> bNow = decision(b, newsletter, null);
        assertEquals(aNow.get("allowed"), bNow.get("allowed"), "B's id answers as A");
        assertEquals(aNow.get("evidenceEventId"), bNow.get("evidenceEventId"));
        assertEquals(aNow.get("contactPointId"), bNow.get("contactPointId"));

        // The consents shown agree with the decision, for A and for B's id.
        for (UUID id : new UUID[] {a, b}) {
            agent().get("/contacts/" + id + "/consents").then().statusCode(200)
                    .body("find { it.contactPointId == '" + bPoint + "' }.status", equalTo("GRANTED"))
                    .body("find { it.contactPointId == '" + bPoint + "' }.eventId", equalTo(grant));
        }
        agent().get("/consents?contactIds=" + a + "," + b).then().statusCode(200)
                .body("[0].consents.eventId", hasItem(grant)).body("[1].consents.eventId", hasItem(grant));

        t.assertDecisionsBeforeTheMergeUnchanged();

        // Only the moved address is covered: A's own point is not, and a changed address no longer is.
        as("marketer").body("{\"contactId\":\"" + a + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\","
                        + "\"contactPointId\":\"" + aPoint + "\"}").post("/decisions").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons.code", hasItem("no-consent"));
        integration().body(pointEvent(UUID.randomUUID(), "UPDATED", a, bPoint, "EMAIL", "b.new@example.org", "PROVIDED_BY_CONTACT",
                Instant.now())).post("/contact-point-facts/events").then().statusCode(200);
        assertEquals(false, decision(a, newsletter, null).get("allowed"), "a changed address is not covered");
    }

    /**
     * The survivor already holds the same address: contacts-service keeps A's point and removes B's, naming A's point
     * ({@code mergedIntoPointId}). B's consent naming B's point must cover A's point from the merge on.
     */
    @Test
    void aConsentNamingTheMergedContactsPointCoversTheSurvivorsPointForTheSameAddress() {
        String address = "same-" + UUID.randomUUID() + "@example.org";
        TwoPeople t = TwoPeople.withAddresses(address, address);
        String newsletter = t.purposeCode();
        UUID a = t.a();
        UUID b = t.b();
        UUID aPoint = t.aPoint();
        UUID bPoint = t.bPoint();
        String grant = t.grant();
        Instant now = t.now();

        Instant merged = now.minusSeconds(20);
        integration().body(batch(
                        pointEvent(UUID.randomUUID(), "REMOVED", b, bPoint, "EMAIL", address, "PROVIDED_BY_CONTACT", merged)
                                .replace("\"provenanceSource\":\"test\"",
                                        "\"provenanceSource\":\"test\",\"mergedIntoPointId\":\"" + aPoint + "\""),
                        pointEvent(UUID.randomUUID(), "UPDATED", a, aPoint, "EMAIL", address, "PROVIDED_BY_CONTACT", merged),
                        merged(a, b, merged)))
                .post("/contact-point-facts/events").then().statusCode(200).body("applied", equalTo(3));

        Map<String, Object> aNow = decision(a, newsletter, null);
        assertEquals(true, aNow.get("allowed"), "A's decision after the merge: " + aNow);
        assertEquals(grant, aNow.get("evidenceEventId"), "B's original event is the evidence");
        assertEquals(aPoint.toString(), aNow.get("contactPointId"), "A's surviving point is used");
        Map<String, Object> bNow = decision(b, newsletter, null);
        for (String field : new String[] {"allowed", "evidenceEventId", "contactPointId"}) {
            assertEquals(aNow.get(field), bNow.get(field), "B's id answers as A, " + field);
        }
        for (UUID id : new UUID[] {a, b}) {
            agent().get("/contacts/" + id + "/consents").then().statusCode(200)
                    .body("find { it.contactPointId == '" + aPoint + "' }.status", equalTo("GRANTED"))
                    .body("find { it.contactPointId == '" + aPoint + "' }.eventId", equalTo(grant));
        }

        t.assertDecisionsBeforeTheMergeUnchanged();

        // A's point moving to another address is no longer the address B consented for.
        integration().body(pointEvent(UUID.randomUUID(), "UPDATED", a, aPoint, "EMAIL", "other-" + address, "PROVIDED_BY_CONTACT",
                Instant.now())).post("/contact-point-facts/events").then().statusCode(200);
        assertEquals(false, decision(a, newsletter, null).get("allowed"), "a changed address is not covered");
    }

    @Test
    void aFoldNamingItsOwnPointIsRefusedNamingTheField() {
        UUID point = UUID.randomUUID();
        integration().body(pointEvent(UUID.randomUUID(), "REMOVED", UUID.randomUUID(), point, "EMAIL", "x@example.org",
                        "PROVIDED_BY_CONTACT", Instant.now())
                        .replace("\"provenanceSource\":\"test\"", "\"provenanceSource\":\"test\",\"mergedIntoPointId\":\"" + point + "\""))
                .post("/contact-point-facts/events").then().statusCode(400)
                .body("errors.field", hasItem("[0].payload.mergedIntoPointId"));
    }

    static String merged(UUID survivor, UUID mergedAway, Instant at) {
        return "[{\"eventId\":\"" + UUID.randomUUID() + "\",\"seq\":" + nextSeq() + ",\"type\":\"contact-point-changed\","
                + "\"occurredAt\":\"" + at + "\",\"payload\":{\"change\":\"MERGED\",\"contactId\":\"" + survivor
                + "\",\"mergedContactId\":\"" + mergedAway + "\"}}]";
    }

    @Test
    void aContactMergedIntoOneLaterMergedAwayJoinsTheSurvivorOnlyFromThatLaterMerge() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        addPoint(a, "EMAIL", "a@example.org", "PROVIDED_BY_CONTACT", now.minusSeconds(120));
        addPoint(b, "EMAIL", "b@example.org", "PROVIDED_BY_CONTACT", now.minusSeconds(120));
        String grant = record(c, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"" + now.minusSeconds(110) + "\"");
        integration().body(merged(b, c, now.minusSeconds(90))).post("/contact-point-facts/events").then().statusCode(200);
        integration().body(merged(a, b, now.minusSeconds(30))).post("/contact-point-facts/events").then().statusCode(200);

        // Between the two merges C belonged to B, not yet to A: A's consents then do not show C's grant.
        agent().get("/contacts/" + a + "/consents?at=" + now.minusSeconds(60)).then().statusCode(200)
                .body("eventId", org.hamcrest.Matchers.not(hasItem(grant)));
        assertEquals(false, decision(a, newsletter, now.minusSeconds(60)).get("allowed"));
        // Now A holds B and C.
        agent().get("/contacts/" + a + "/consents").then().statusCode(200).body("eventId", hasItem(grant));
        assertEquals(grant, decision(a, newsletter, null).get("evidenceEventId"));
    }
}
