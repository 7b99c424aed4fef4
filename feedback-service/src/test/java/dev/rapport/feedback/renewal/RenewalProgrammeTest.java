package dev.rapport.feedback.renewal;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.support.ConsentStub;
import dev.rapport.feedback.support.Sql;
import dev.rapport.devstack.testing.SegmentsStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SegmentsStub.class, restrictToAnnotatedClass = false)
class RenewalProgrammeTest {

    private static String programme() {
        return marketer().body("{\"name\":\"Season ticket\"}").post("/programmes").then().statusCode(201).extract().path("id");
    }

    private static String row(UUID contact, int score, String outcome) {
        return "{\"contactId\":\"" + contact + "\",\"score\":" + score + (outcome == null ? "" : ",\"outcome\":\"" + outcome + "\"") + "}";
    }

    /** members per tier, of whom early renewers, of the rest half renew later and half lapse. */
    private static List<String> tier(int score, int members, int early) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String outcome = i < early ? "RENEWED_EARLY" : (i - early) % 2 == 0 ? "RENEWED" : "LAPSED";
            rows.add(row(UUID.randomUUID(), score, outcome));
        }
        return rows;
    }

    @Test
    void reportReproducesTheTierTable() {
        String p = programme();
        List<String> rows = new ArrayList<>();
        rows.addAll(tier(1, 1000, 837));
        rows.addAll(tier(2, 1000, 847));
        rows.addAll(tier(3, 500, 410));
        rows.addAll(tier(4, 100, 89));
        rows.addAll(tier(5, 100, 92));
        String body = "{\"period\":\"2025/26\",\"scoredBy\":\"model:renewal-v3\",\"rows\":[" + String.join(",", rows) + "]}";
        as("integration").body(body).post("/programmes/" + p + "/members/import").then().statusCode(200)
                .body("membersAdded", equalTo(2700)).body("scoresRecorded", equalTo(2700)).body("outcomesRecorded", equalTo(2700));
        // importing the same file again changes nothing
        as("integration").body(body).post("/programmes/" + p + "/members/import").then().statusCode(200)
                .body("membersAdded", equalTo(0)).body("scoresRecorded", equalTo(0)).body("outcomesRecorded", equalTo(0));

        JsonPath r = analyst().queryParam("period", "2025/26").get("/programmes/" + p + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2, 3, 4, 5), r.getList("tiers.tier"));
        assertEquals(List.of(1000, 1000, 500, 100, 100), r.getList("tiers.members"));
        assertEquals(List.of(837, 847, 410, 89, 92), r.getList("tiers.renewedEarly"));
        assertEquals(List.of(83.7f, 84.7f, 82.0f, 89.0f, 92.0f), r.getList("tiers.earlyRenewalRate", Float.class));
        assertEquals(2700, r.getInt("total.members"));
        assertEquals(0, r.getInt("unscoredMembers"));
        // renewal rate counts late renewers too: tier 1 = (837 + 82) / 1000
        assertEquals(91.9f, r.getFloat("tiers[0].renewalRate"));
        // who/what scored is kept with each score
        assertEquals("model:renewal-v3", Sql.query("select distinct scored_by from propensity_scores s join programme_members m "
                + "on m.id = s.member_id where m.programme_id = ?::uuid", p).get(0).get("scored_by"));
    }

    @Test
    void latestScoreCountsAndBadInputIsRejectedWhole() {
        String p = programme();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        as("integration").body("{\"period\":\"2026\",\"scoredBy\":\"import\",\"rows\":[" + row(a, 2, null) + "," + row(b, 5, "RENEWED") + "]}")
                .post("/programmes/" + p + "/members/import").then().statusCode(200);
        marketer().body("{\"contactId\":\"" + a + "\",\"period\":\"2026\",\"score\":4,\"note\":\"Called; keen\"}")
                .post("/programmes/" + p + "/scores").then().statusCode(200);
        JsonPath r = analyst().queryParam("period", "2026").get("/programmes/" + p + "/report").then().extract().jsonPath();
        assertEquals(List.of(0, 0, 0, 1, 1), r.getList("tiers.members"));
        assertEquals(1, r.getInt("tiers[3].undecided"));
        assertEquals("API", Sql.query("select s.source from propensity_scores s join programme_members m on m.id = s.member_id "
                + "where m.contact_id = ?::uuid order by s.scored_at desc, s.id desc limit 1", a).get(0).get("source"));

        String bad = "{\"period\":\"2026\",\"scoredBy\":\"x\",\"rows\":[" + row(UUID.randomUUID(), 3, null) + ","
                + row(UUID.randomUUID(), 6, null) + "]}";
        marketer().body(bad).post("/programmes/" + p + "/members/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("rows[1].score"));
        marketer().body("{\"period\":\"2026\",\"scoredBy\":\"x\",\"rows\":[" + row(a, 3, null) + "," + row(a, 4, null) + "]}")
                .post("/programmes/" + p + "/members/import").then().statusCode(400).body("errors.field", hasItem("rows[1].contactId"));
        marketer().body("{\"period\":\"2026\",\"rows\":[" + row(UUID.randomUUID(), 3, "EXTENDED") + "]}")
                .post("/programmes/" + p + "/members/import").then().statusCode(400).body("errors.field", hasItem("rows[0].outcome"));
        assertEquals(2, analyst().queryParam("period", "2026").get("/programmes/" + p + "/report").then().extract().jsonPath()
                .getInt("total.members"));

        agent().body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"period\":\"2026\",\"outcome\":\"LAPSED\"}")
                .put("/programmes/" + p + "/outcomes").then().statusCode(422).body("errors.field", hasItem("contactId"));
        agent().body("{\"contactId\":\"" + a + "\",\"period\":\"2026\",\"outcome\":\"RENEWED_EARLY\"}")
                .put("/programmes/" + p + "/outcomes").then().statusCode(204);
        analyst().queryParam("period", "2026").get("/programmes/" + p + "/report").then().body("tiers[3].earlyRenewalRate", equalTo(100.0f));
        analyst().get("/programmes/" + p + "/report").then().statusCode(400).body("errors.field", hasItem("period"));
        agent().body("{\"name\":\"x\"}").post("/programmes").then().statusCode(403);
    }

    @Test
    void earlyOffersGoToUndecidedMembersOfChosenTiersThroughOutreach() {
        String p = programme();
        UUID keen = UUID.randomUUID();      // tier 5, undecided → offered
        UUID refused = UUID.randomUUID();   // tier 4, undecided, consent says no
        UUID done = UUID.randomUUID();      // tier 5, already renewed → not offered
        UUID cold = UUID.randomUUID();      // tier 1 → not offered
        ConsentStub.deny(refused, "no-consent");
        marketer().body("{\"period\":\"2026\",\"scoredBy\":\"model\",\"rows\":[" + row(keen, 5, null) + "," + row(refused, 4, null)
                + "," + row(done, 5, "RENEWED_EARLY") + "," + row(cold, 1, null) + "]}").post("/programmes/" + p + "/members/import")
                .then().statusCode(200);

        JsonPath offer = marketer().body("{\"period\":\"2026\",\"tiers\":[4,5],\"channel\":\"POSTAL\"}").post("/programmes/" + p + "/offers")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(2, offer.getInt("audience"));
        assertEquals(1, offer.getInt("delivery.queued"));
        assertEquals(1, offer.getInt("delivery.deniedBy.no-consent"));
        String offerId = offer.getString("id");
        List<ConsentStub.Request> sent = ConsentStub.requestsWithPayload("feedback:renewal-offer:" + offerId);
        assertEquals(Set.of(keen, refused), sent.stream().map(ConsentStub.Request::contactId).collect(Collectors.toSet()));
        assertEquals(Set.of("renewal-offers"), sent.stream().map(ConsentStub.Request::purpose).collect(Collectors.toSet()));
        assertEquals(Set.of("POSTAL"), sent.stream().map(ConsentStub.Request::channel).collect(Collectors.toSet()));
        analyst().get("/programmes/" + p + "/offers/" + offerId).then().statusCode(200).body("delivery.queued", equalTo(1))
                .body("delivery.denied", equalTo(1));
        // what the offer's message shows, by the offer id its payloadRef names (the delivery integration reads it)
        as("integration").get("/renewal-offers/" + offerId).then().statusCode(200).body("id", equalTo(offerId))
                .body("programmeId", equalTo(p)).body("period", equalTo("2026"))
                .body("programme", equalTo(analyst().get("/programmes/" + p).then().extract().path("name")))
                .body("audience", org.hamcrest.Matchers.nullValue());
        as("integration").get("/renewal-offers/" + UUID.randomUUID()).then().statusCode(404);
        agent().get("/renewal-offers/" + offerId).then().statusCode(403);
        // the person it was sent to reads it (from the link in the message); no one else does
        contact(keen).get("/renewal-offers/" + offerId).then().statusCode(200).body("programmeId", equalTo(p))
                .body("period", equalTo("2026"));
        contact(refused).get("/renewal-offers/" + offerId).then().statusCode(404).contentType("application/problem+json");
        contact(cold).get("/renewal-offers/" + offerId).then().statusCode(404);

        // the list names the programme with its members, scored periods and offers (how a renewals page finds them)
        JsonPath list = analyst().get("/programmes").then().statusCode(200).extract().jsonPath();
        int at = list.getList("id").indexOf(p);
        assertEquals(4, list.getInt("[" + at + "].members"));
        assertEquals(List.of("2026"), list.getList("[" + at + "].periods"));
        assertEquals(List.of(offerId), list.getList("[" + at + "].offers.id"));
        assertEquals(List.of(4, 5), list.getList("[" + at + "].offers[0].tiers"));
        agent().get("/programmes").then().statusCode(403);

        marketer().body("{\"period\":\"2026\",\"tiers\":[0,6],\"channel\":\"POSTAL\"}").post("/programmes/" + p + "/offers")
                .then().statusCode(400).body("errors.field.size()", equalTo(2));
        marketer().body("{\"period\":\"2026\",\"tiers\":[5],\"channel\":\"pigeon\"}").post("/programmes/" + p + "/offers")
                .then().statusCode(400).body("errors.field", hasItem("channel"));
    }

    @Test
    void anOfferNarrowedToASegmentGoesOnlyToItsMembersAndRecordsSegmentAndVersion() {
        String p = programme();
        UUID keen = UUID.randomUUID();      // tier 5, undecided, in the segment → offered
        UUID other = UUID.randomUUID();     // tier 5, undecided, not in the segment → not offered
        UUID done = UUID.randomUUID();      // tier 5, already renewed, in the segment → not offered
        UUID cold = UUID.randomUUID();      // tier 1, in the segment → not offered
        UUID outsider = UUID.randomUUID();  // in the segment, not a member of the programme
        marketer().body("{\"period\":\"2026\",\"scoredBy\":\"model\",\"rows\":[" + row(keen, 5, null) + "," + row(other, 5, null)
                + "," + row(done, 5, "RENEWED_EARLY") + "," + row(cold, 1, null) + "]}").post("/programmes/" + p + "/members/import")
                .then().statusCode(200);
        UUID segment = UUID.randomUUID();
        SegmentsStub.segment(segment, 3, List.of(keen, done, cold, outsider, UUID.randomUUID()));

        JsonPath offer = marketer().body("{\"period\":\"2026\",\"tiers\":[4,5],\"channel\":\"EMAIL\",\"segmentId\":\"" + segment + "\"}")
                .post("/programmes/" + p + "/offers").then().statusCode(201).extract().jsonPath();
        assertEquals(1, offer.getInt("audience"));
        assertEquals(segment.toString(), offer.getString("segmentId"));
        assertEquals(3, offer.getInt("segmentVersion"));
        String offerId = offer.getString("id");
        assertEquals(Set.of(keen), ConsentStub.requestsWithPayload("feedback:renewal-offer:" + offerId).stream()
                .map(ConsentStub.Request::contactId).collect(Collectors.toSet()));
        // Read a page at a time (the stub pages by 2) with the caller's token, each page after the first pinned to version 3.
        List<SegmentsStub.Call> calls = SegmentsStub.callsFor(segment);
        assertEquals(3, calls.size());
        assertEquals("3", calls.get(2).version());
        assertTrue(calls.stream().allMatch(call -> call.authorization() != null && call.authorization().startsWith("Bearer ")));
        analyst().get("/programmes/" + p + "/offers/" + offerId).then().statusCode(200)
                .body("segmentId", equalTo(segment.toString())).body("segmentVersion", equalTo(3)).body("audience", equalTo(1));

        // Without a segment the same tiers reach every undecided member.
        marketer().body("{\"period\":\"2026\",\"tiers\":[4,5],\"channel\":\"EMAIL\"}").post("/programmes/" + p + "/offers")
                .then().statusCode(201).body("audience", equalTo(2)).body("segmentId", org.hamcrest.Matchers.nullValue());
        marketer().body("{\"period\":\"2026\",\"tiers\":[5],\"channel\":\"EMAIL\",\"segmentId\":\"" + UUID.randomUUID() + "\"}")
                .post("/programmes/" + p + "/offers").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("segmentId")).body("type", org.hamcrest.Matchers.containsString("unknown-segment"));
        marketer().body("{\"period\":\"2026\",\"tiers\":[5],\"channel\":\"EMAIL\",\"segmentId\":\"not-an-id\"}")
                .post("/programmes/" + p + "/offers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("segmentId"));
    }
}
