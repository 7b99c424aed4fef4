package dev.rapport.feedback.invitation;

import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.support.ConsentStub;
import dev.rapport.devstack.testing.SegmentsStub;
import dev.rapport.feedback.support.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inviting a contacts-service segment: read a page at a time (the stub pages by 2), each invitation naming segment and version. */
@QuarkusTest
@QuarkusTestResource(value = SegmentsStub.class, restrictToAnnotatedClass = false)
class SegmentInvitationTest {

    @Test
    void aSegmentIsInvitedPageByPageAndEachInvitationRecordsItsSegmentAndVersion() {
        var c = openConsultation(2);
        UUID segment = UUID.randomUUID();
        List<UUID> members = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        SegmentsStub.segment(segment, 4, members);
        marketer().body("{\"segmentId\":\"" + segment + "\",\"channel\":\"EMAIL\",\"attributes\":{\"region\":\"north\"}}")
                .post("/consultations/" + c.id() + "/invitations").then().statusCode(200)
                .body("requested", equalTo(5)).body("invited", equalTo(5)).body("segmentId", equalTo(segment.toString()))
                .body("segmentVersion", equalTo(4)).body("delivery.queued", equalTo(5));

        // Three pages of two, each after the last id of the one before and pinned to the first page's version, with the caller's token.
        List<SegmentsStub.Call> calls = SegmentsStub.callsFor(segment);
        assertEquals(3, calls.size());
        assertEquals(null, calls.get(0).after());
        assertEquals(null, calls.get(0).version());
        assertEquals("4", calls.get(1).version());
        assertTrue(calls.stream().allMatch(call -> call.authorization() != null && call.authorization().startsWith("Bearer ")));

        List<Map<String, Object>> rows = Sql.query("select contact_id, segment_id, segment_version, segment->>'region' as region "
                + "from invitations where consultation_id = ?", UUID.fromString(c.id()));
        assertEquals(5, rows.size());
        assertEquals(members.stream().sorted().toList(), rows.stream().map(r -> (UUID) r.get("contact_id")).sorted().toList());
        assertTrue(rows.stream().allMatch(r -> segment.equals(r.get("segment_id")) && Integer.valueOf(4).equals(r.get("segment_version"))
                && "north".equals(r.get("region"))));
        members.forEach(m -> assertEquals(1, ConsentStub.requestsFor(m).size()));
        analyst().get("/consultations/" + c.id() + "/invitations").then().statusCode(200)
                .body("items.segmentId", hasItem(segment.toString())).body("items[0].segmentVersion", equalTo(4));

        // Again: everyone was invited already.
        marketer().body("{\"segmentId\":\"" + segment + "\"}").post("/consultations/" + c.id() + "/invitations").then()
                .statusCode(200).body("invited", equalTo(0)).body("alreadyInvited", equalTo(5));
    }

    @Test
    void theAudienceIsAListOrASegmentAndAnUnknownSegmentIsNamed() {
        var c = openConsultation(1);
        marketer().body("{}").post("/consultations/" + c.id() + "/invitations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("audience"));
        marketer().body("{\"audience\":[{\"contactId\":\"" + UUID.randomUUID() + "\"}],\"segmentId\":\"" + UUID.randomUUID() + "\"}")
                .post("/consultations/" + c.id() + "/invitations").then().statusCode(400).body("errors.field", hasItem("segmentId"));
        marketer().body("{\"segmentId\":\"" + UUID.randomUUID() + "\"}").post("/consultations/" + c.id() + "/invitations").then()
                .statusCode(422).body("errors.field", hasItem("segmentId")).body("type", containsString("unknown-segment"));
    }
}
