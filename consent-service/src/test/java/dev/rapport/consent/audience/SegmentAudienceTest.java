package dev.rapport.consent.audience;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.devstack.testing.SegmentsStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bulk decisions and bulk outreach for a contacts-service segment: its members are read in chunks (the stub pages by
 * the chunk size, 2 here) and each is decided as a body line would be.
 */
@QuarkusTest
@QuarkusTestResource(value = SegmentsStub.class, restrictToAnnotatedClass = false)
class SegmentAudienceTest {

    static List<JsonPath> lines(String ndjson) {
        List<JsonPath> out = new ArrayList<>();
        for (String line : ndjson.strip().split("\n")) {
            out.add(JsonPath.from(line));
        }
        return out;
    }

    @Test
    void bulkDecisionsForASegmentDecideEveryMemberOnceInIdOrder() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID segment = UUID.randomUUID();
        List<UUID> members = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        SegmentsStub.segment(segment, 2, members);
        UUID given = members.get(0);
        addPoint(given, "EMAIL", "seg-" + given + "@example.com", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        record(given, "GRANT", newsletter, "EMAIL", "");

        String out = as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter)
                .queryParam("channel", "EMAIL").queryParam("segmentId", segment.toString())
                .post("/decisions/bulk").then().statusCode(200).extract().asString();
        List<JsonPath> decisions = lines(out);
        assertEquals(members.stream().sorted().map(UUID::toString).toList(),
                decisions.stream().map(d -> d.getString("contactId")).toList());
        assertTrue(decisions.stream().filter(d -> d.getString("contactId").equals(given.toString())).allMatch(d -> d.getBoolean("allowed")));
        assertEquals(4, decisions.stream().filter(d -> !d.getBoolean("allowed")).count());
        List<SegmentsStub.Call> calls = SegmentsStub.callsFor(segment);
        assertEquals(3, calls.size(), "pages of two");
        assertEquals("2", calls.get(2).version());
        assertTrue(calls.get(0).authorization().startsWith("Bearer "));
    }

    @Test
    void bulkOutreachForASegmentStoresARequestPerMember() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID segment = UUID.randomUUID();
        List<UUID> members = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        SegmentsStub.segment(segment, 1, members);
        String campaign = "seg-" + UUID.randomUUID();
        String out = as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter)
                .queryParam("campaign", campaign).queryParam("segmentId", segment.toString())
                .post("/outreach/requests/bulk").then().statusCode(200).extract().asString();
        assertEquals(members.stream().sorted().map(UUID::toString).toList(),
                lines(out).stream().map(d -> d.getString("contactId")).toList());
        as("analyst").queryParam("campaign", campaign).get("/outreach/requests").then().statusCode(200)
                .body("items.contactId", hasItem(members.get(1).toString()));
    }

    @Test
    void aSegmentIsNamedAloneAndMustExist() {
        String newsletter = purpose("newsletter", "CONSENT");
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter).queryParam("segmentId", "nope")
                .post("/decisions/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("segmentId"));
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter)
                .queryParam("segmentId", UUID.randomUUID().toString()).body((UUID.randomUUID() + "\n").getBytes())
                .post("/decisions/bulk").then().statusCode(400).body("errors.field", hasItem("segmentId"));
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter)
                .queryParam("segmentId", UUID.randomUUID().toString())
                .post("/decisions/bulk").then().statusCode(422).body("type", containsString("unknown-segment"))
                .body("errors.field", hasItem("segmentId"));
    }
}
