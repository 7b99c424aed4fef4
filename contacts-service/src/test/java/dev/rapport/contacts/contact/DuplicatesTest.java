package dev.rapport.contacts.contact;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicatesTest {

    private static String create(String name, String channel, String address) {
        return agent().body("""
                {"givenName":"%s","contactPoints":[
                 {"channel":"%s","address":"%s","context":"PERSONAL","provenance":{"kind":"IMPORTED","source":"fair.csv"}}]}"""
                .formatted(name, channel, address)).post("/contacts").then().statusCode(201).extract().path("id");
    }

    /** Every group on every page, walked with the given page size. */
    private static List<Map<String, Object>> allGroups(int limit) {
        List<Map<String, Object>> groups = new ArrayList<>();
        String cursor = "";
        do {
            var page = agent().queryParam("limit", limit).queryParam("cursor", cursor).get("/contacts/duplicates")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= limit);
            groups.addAll(items);
            cursor = page.getString("next");
        } while (cursor != null);
        return groups;
    }

    private static List<Map<String, Object>> groupsAt(List<Map<String, Object>> groups, String address) {
        return groups.stream().filter(g -> address.equals(g.get("address"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Map<String, Object> group) {
        return ((List<Map<String, Object>>) group.get("contacts")).stream().map(c -> (String) c.get("id")).toList();
    }

    @Test
    void contactsSharingANormalisedAddressAreGroupedAndPaged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "sam-" + tag + "@example.org";
        String first = create("Sam", "EMAIL", email);
        String second = create("Samuel", "EMAIL", "SAM-" + tag + "@Example.ORG");
        String alone = create("Sol", "EMAIL", "sol-" + tag + "@example.org");
        // one number, typed two ways on two phone channels
        String digits = String.format("%03d", 300 + ThreadLocalRandom.current().nextInt(700));
        String caller = create("Kit", "PHONE", "+442079460" + digits);
        String texter = create("Kitty", "WHATSAPP", "+44 20 7946 0" + digits);

        List<Map<String, Object>> whole = allGroups(200);
        List<Map<String, Object>> paged = allGroups(1);
        assertEquals(whole, paged, "paging one group at a time gives the same groups in the same order");

        List<Map<String, Object>> byEmail = groupsAt(whole, email);
        assertEquals(1, byEmail.size());
        assertEquals("EMAIL", byEmail.get(0).get("kind"));
        assertEquals(List.of(first, second), idsOf(byEmail.get(0)), "oldest first");
        List<Map<String, Object>> byPhone = groupsAt(whole, "+442079460" + digits);
        assertEquals(1, byPhone.size());
        assertEquals("PHONE", byPhone.get(0).get("kind"));
        assertTrue(idsOf(byPhone.get(0)).containsAll(List.of(caller, texter)));
        assertTrue(whole.stream().noneMatch(g -> idsOf(g).contains(alone)), "a contact with its own address is no duplicate");

        agent().body("{\"mergeId\":\"" + second + "\"}").post("/contacts/" + first + "/merge").then().statusCode(200);
        assertEquals(List.of(), groupsAt(allGroups(200), email), "once merged, the address has one holder");
    }

    @Test
    void onlyAgentsAndAdminsAskAndBadPagingIsNamed() {
        as("admin").get("/contacts/duplicates").then().statusCode(200);
        as("marketer").get("/contacts/duplicates").then().statusCode(403);
        as("analyst").get("/contacts/duplicates").then().statusCode(403);
        agent().queryParam("cursor", "not-a-cursor").get("/contacts/duplicates").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        agent().queryParam("limit", 0).get("/contacts/duplicates").then().statusCode(400).body("errors.field", hasItem("limit"));
        agent().queryParam("limit", 201).get("/contacts/duplicates").then().statusCode(400).body("errors.field", hasItem("limit"));
    }
}
