package dev.rapport.contacts.segment;

import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SegmentResourceTest {

    static String contact(String tag, String stage) {
        return as("agent").body("""
                {"givenName":"Seg","familyName":"%s","lifecycleStage":"%s","tags":["%s"],"contactPoints":[
                  {"channel":"EMAIL","address":"%s@example.org","context":"WORK","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"t"}}]}"""
                .formatted(UUID.randomUUID(), stage, tag, UUID.randomUUID()))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    static String segment(String body) {
        return as("marketer").body(body).post("/segments").then().statusCode(201).extract().path("id");
    }

    /** Every member id, a page of {@code limit} at a time, checking each page names the same version. */
    static List<String> memberIds(String segment, int limit, int version) {
        List<String> all = new ArrayList<>();
        String after = null;
        do {
            var request = as("integration").queryParam("limit", limit).queryParam("version", version);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/segments/" + segment + "/member-ids").then().statusCode(200)
                    .body("version", equalTo(version)).extract().jsonPath();
            all.addAll(page.getList("ids"));
            after = page.getString("next");
        } while (after != null);
        return all;
    }

    @Test
    void aFilterSegmentIsEvaluatedWhenUsedAndVersionedOnEachEdit() {
        String tag = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(contact(tag, "CUSTOMER"));
        }
        String lead = contact(tag, "LEAD");
        String id = segment("{\"name\":\"Customers " + tag + "\",\"filter\":{\"tags\":[\"" + tag.toUpperCase() + "\"],\"stage\":\"CUSTOMER\"}}");
        as("analyst").get("/segments/" + id).then().statusCode(200).body("kind", equalTo("FILTER")).body("version", equalTo(1))
                .body("filter.tags", equalTo(List.of(tag))).body("createdBy", equalTo("test-marketer"));
        as("agent").get("/segments/" + id + "/count").then().statusCode(200).body("count", equalTo(5)).body("version", equalTo(1));
        List<String> ids = memberIds(id, 2, 1);
        assertEquals(customers.stream().sorted().toList(), ids, "every member once, in id order");

        // Evaluated when used: a new customer is a member without any edit.
        customers.add(contact(tag, "CUSTOMER"));
        as("agent").get("/segments/" + id + "/count").then().body("count", equalTo(6));
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as("agent").queryParam("limit", 4).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/segments/" + id + "/members").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(6, names.size());

        as("marketer").body("{\"name\":\"Leads " + tag + "\",\"filter\":{\"tags\":[\"" + tag + "\"],\"stage\":\"LEAD\"},\"version\":1}")
                .put("/segments/" + id).then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("Leads " + tag));
        assertEquals(List.of(lead), memberIds(id, 10, 2));
        // A reader that started on version 1 is told, rather than handed a mix of two definitions.
        as("integration").queryParam("version", 1).get("/segments/" + id + "/member-ids").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("segment-changed"));
        as("marketer").body("{\"name\":\"x\",\"filter\":{},\"version\":1}").put("/segments/" + id).then().statusCode(409);
        as("marketer").body("{\"name\":\"x\",\"filter\":{}}").put("/segments/" + id).then().statusCode(400)
                .body("errors.field", hasItem("version"));

        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        as("marketer").body("{\"tags\":[\"" + tag + "\"]}").post("/segments/preview").then().statusCode(200)
                .body("count", equalTo(7)).body("sample", hasSize(7)).body("segmentId", nullValue());
        as("marketer").body("{\"tags\":[\"" + tag + "\"],\"createdFrom\":\"" + future + "\"}").post("/segments/preview").then()
                .statusCode(200).body("count", equalTo(0));

        as("marketer").delete("/segments/" + id).then().statusCode(204);
        as("agent").get("/segments/" + id).then().statusCode(404).contentType("application/problem+json");
        as("integration").get("/segments/" + id + "/member-ids").then().statusCode(404);
    }

    /**
     * Erasure keeps the contact row (owner and stage stay), so a filter on them still selects it: members, member ids,
     * count and preview must all leave erased and merged-away contacts out, and agree.
     */
    @Test
    void membersCountAndPreviewAgreeWithoutErasedOrMergedAwayContacts() {
        String owner = "seg-owner-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(as("agent").body("""
                    {"givenName":"Live","familyName":"%s","owner":"%s","lifecycleStage":"CUSTOMER"}""".formatted(i, owner))
                    .post("/contacts").then().statusCode(201).extract().<String>path("id"));
        }
        String erased = all.get(0);
        String mergedAway = all.get(1);
        as("admin").post("/contacts/" + erased + "/erasure").then().statusCode(200);
        as("agent").body("{\"mergeId\":\"" + mergedAway + "\"}").post("/contacts/" + all.get(2) + "/merge").then().statusCode(200);
        List<String> live = List.of(all.get(2), all.get(3)).stream().sorted().toList();

        String filter = "{\"owner\":\"" + owner + "\",\"stage\":\"CUSTOMER\"}";
        String id = segment("{\"name\":\"Owned " + owner + "\",\"filter\":" + filter + "}");
        as("agent").get("/segments/" + id + "/count").then().statusCode(200).body("count", equalTo(2));
        assertEquals(live, memberIds(id, 1, 1));
        List<String> members = as("agent").queryParam("limit", 10).get("/segments/" + id + "/members").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(live, members.stream().sorted().toList(), "members are the ones counted");
        List<String> sample = as("marketer").body(filter).post("/segments/preview").then().statusCode(200)
                .body("count", equalTo(2)).extract().jsonPath().getList("sample.id");
        assertEquals(live, sample.stream().sorted().toList(), "the preview shows the ones counted");
    }

    @Test
    void aStaticListIsUploadedAsCsvOrNdjsonAndReplacedWhole() {
        String tag = "static-" + UUID.randomUUID().toString().substring(0, 8);
        String a = contact(tag, "LEAD");
        String b = contact(tag, "LEAD");
        String c = contact(tag, "LEAD");
        String id = segment("{\"name\":\"Fair visitors " + tag + "\",\"kind\":\"STATIC\"}");
        String unknown = UUID.randomUUID().toString();
        as("marketer").contentType("text/csv").body("contact_id,note\n" + a + ",x\n\"" + b + "\"\n" + c + "\n" + a + "\n" + unknown + "\n")
                .put("/segments/" + id + "/members").then().statusCode(200)
                .body("members", equalTo(3)).body("unknown", equalTo(1)).body("repeated", equalTo(1)).body("version", equalTo(2));
        assertEquals(List.of(a, b, c).stream().sorted().toList(), memberIds(id, 2, 2));
        as("agent").get("/segments/" + id + "/count").then().body("count", equalTo(3));
        as("agent").queryParam("limit", 2).get("/segments/" + id + "/members").then().statusCode(200)
                .body("items", hasSize(2)).body("next", org.hamcrest.Matchers.notNullValue());

        as("marketer").contentType("application/x-ndjson").body(("\"" + b + "\"\n{\"contactId\":\"" + c + "\"}\n").getBytes())
                .put("/segments/" + id + "/members").then().statusCode(200).body("members", equalTo(2)).body("version", equalTo(3));
        assertEquals(List.of(b, c).stream().sorted().toList(), memberIds(id, 100, 3));

        as("marketer").contentType("application/x-ndjson").body((b + "\n" + c + "\nnot-an-id\n").getBytes())
                .put("/segments/" + id + "/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 3"));
        as("agent").get("/segments/" + id).then().body("version", equalTo(3));

        String filter = segment("{\"name\":\"f " + tag + "\",\"filter\":{\"tags\":[\"" + tag + "\"]}}");
        as("marketer").contentType("text/csv").body(a + "\n").put("/segments/" + filter + "/members").then().statusCode(422);
    }

    @Test
    void badInputNamesTheFieldAndRolesAreChecked() {
        as("marketer").body("{\"name\":\" \"}").post("/segments").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        as("marketer").body("{\"name\":\"s\",\"kind\":\"STATIC\",\"filter\":{}}").post("/segments").then().statusCode(400)
                .body("errors.field", hasItem("filter"));
        as("marketer").body("{\"name\":\"s\",\"filter\":{\"minValue\":10,\"maxValue\":5}}").post("/segments").then().statusCode(400)
                .body("errors.field", hasItem("filter.minValue"));
        as("marketer").body("{\"name\":\"s\",\"filter\":{\"stage\":\"SOMETIMES\"}}").post("/segments").then().statusCode(400);
        as("marketer").get("/segments/" + UUID.randomUUID()).then().statusCode(404);
        as("analyst").body("{\"name\":\"s\"}").post("/segments").then().statusCode(403);
        as("agent").body("{\"name\":\"s\"}").post("/segments").then().statusCode(403);
        as("contact").get("/segments").then().statusCode(403);
        contact("everyone-" + UUID.randomUUID().toString().substring(0, 8), "LEAD");
        String id = segment("{\"name\":\"everyone\"}");
        as("integration").get("/segments/" + id).then().statusCode(403);
        as("integration").queryParam("limit", 1).get("/segments/" + id + "/member-ids").then().statusCode(200)
                .body("ids", hasSize(1));
        as("integration").queryParam("after", "nope").get("/segments/" + id + "/member-ids").then().statusCode(400)
                .body("errors.field", hasItem("after"));
        as("analyst").get("/segments").then().statusCode(200).body("items.id", hasItem(id));
    }
}
