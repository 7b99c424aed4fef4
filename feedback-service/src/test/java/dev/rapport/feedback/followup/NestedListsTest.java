package dev.rapport.feedback.followup;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.respond;
import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.devstack.testing.StatementCount;
import dev.rapport.feedback.consultation.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lists nested in a thread, a case and a consultation, read for many parents at once: each parent's page by
 * keyset cursor, its total, and as many SQL statements for 100 parents as for one (counted by PostgreSQL; a
 * background job may poll meanwhile, so each count is the smallest of five).
 */
@QuarkusTest
class NestedListsTest {
    static final int MANY = 100;

    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static UUID person;
    static String thread;
    static String caseId;
    static Fixtures.Consultation consultation;

    /** A thread of five messages, a case of four steps and a consultation of five initiatives. */
    @BeforeEach
    void oneOfEach() {
        if (thread != null) {
            return;
        }
        person = UUID.randomUUID();
        consultation = openConsultation(5);
        respond(person, invite(consultation.id(), Map.of(), person).get(0), Map.of(consultation.initiative(1), "ESSENTIAL"));
        String action = marketer().body("{\"initiativeId\":\"" + consultation.initiative(1) + "\",\"decision\":\"WILL_DO\","
                + "\"description\":\"Soon\"}").post("/actions").then().statusCode(201).extract().path("id");
        marketer().post("/actions/" + action + "/publish").then().statusCode(200);
        String followUp = contact(person).queryParam("contactId", person).get("/follow-ups").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        contact(person).body("{\"answer\":\"NO\",\"why\":\"message 0\"}").post("/follow-ups/" + followUp + "/answer")
                .then().statusCode(200);
        thread = contact(person).get("/follow-ups/" + followUp).then().statusCode(200).extract().path("threadId");
        for (int i = 1; i < 5; i++) {
            contact(person).body("{\"body\":\"message " + i + "\"}").post("/threads/" + thread + "/messages").then().statusCode(200);
        }
        caseId = agent().body("{\"contactId\":\"" + person + "\",\"problem\":\"Leak\",\"channel\":\"PHONE\"}").post("/cases")
                .then().statusCode(201).extract().path("id");
        agent().body("{\"assignee\":\"sam\"}").post("/cases/" + caseId + "/assignment").then().statusCode(200);
        agent().body("{\"note\":\"fixed\",\"askCustomer\":false}").post("/cases/" + caseId + "/resolution").then().statusCode(200);
        contact(person).body("{\"outcome\":\"NOT_RESOLVED\",\"comment\":\"still leaks\"}")
                .post("/cases/" + caseId + "/confirmation").then().statusCode(200);
    }

    @Test
    void threadMessagesPageOldestFirstWithTheirTotal() {
        List<String> bodies = pages(() -> agent(), "/threads/messages", "threadIds", thread, 2, "body");
        assertEquals(IntStream.range(0, 5).mapToObj(i -> "message " + i).toList(), bodies, "the NO's reason opens the thread");
        // the person reads their own; someone else's thread answers like an unknown one
        assertEquals(5, contact(person).queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .extract().jsonPath().getInt("[0].total"));
        JsonPath other = contact(UUID.randomUUID()).queryParam("threadIds", thread).get("/threads/messages").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(), other.getList("[0].items"));
        assertEquals(0, other.getInt("[0].total"));
    }

    @Test
    void caseHistoryPagesOldestFirstWithItsTotal() {
        assertEquals(List.of("OPENED", "ASSIGNED", "RESOLVED", "NOT_RESOLVED"),
                pages(() -> analyst(), "/cases/history", "caseIds", caseId, 3, "type"));
        JsonPath other = contact(UUID.randomUUID()).queryParam("caseIds", caseId).get("/cases/history").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(), other.getList("[0].items"));
        assertEquals(0, other.getInt("[0].total"));
    }

    @Test
    void initiativesPageInListOrderWithTheirTotal() {
        assertEquals(consultation.initiatives(),
                pages(() -> contact(person), "/consultations/initiatives", "consultationIds", consultation.id(), 2, "id"));
    }

    @Test
    void aBadCursorLimitOrIdIsA400NamingIt() {
        agent().queryParam("threadIds", thread).queryParam("cursor", "nope").get("/threads/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        agent().queryParam("caseIds", caseId).queryParam("limit", 101).get("/cases/history").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        marketer().queryParam("consultationIds", "x").get("/consultations/initiatives").then().statusCode(400)
                .body("errors[0].field", equalTo("consultationIds"));
    }

    @Test
    void aHundredParentsCostAsManyStatementsAsOne() {
        sameStatementsForOneAndForMany("/threads/messages", "threadIds", thread, () -> agent());
        sameStatementsForOneAndForMany("/cases/history", "caseIds", caseId, () -> agent());
        sameStatementsForOneAndForMany("/consultations/initiatives", "consultationIds", consultation.id(), () -> marketer());
    }

    /** Reads one parent's list page by page, checking each page's cursors and total; answers the field of every item. */
    private static List<String> pages(Supplier<RequestSpecification> as, String path, String idsParam, String id, int limit,
            String field) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int total;
        do {
            RequestSpecification request = as.get().queryParam(idsParam, id + "," + UUID.randomUUID()).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            assertEquals(id, page.getString("[0].id"));
            assertEquals(List.of(), page.getList("[1].items"), "an unknown id: an empty page");
            total = page.getInt("[0].total");
            List<String> cursors = page.getList("[0].cursors");
            assertEquals(page.getList("[0].items").size(), cursors.size());
            seen.addAll(page.getList("[0].items." + field));
            cursor = page.getString("[0].next");
            if (cursor != null) {
                assertEquals(limit, cursors.size());
                assertEquals(cursors.get(cursors.size() - 1), cursor);
            }
        } while (cursor != null);
        assertEquals(total, seen.size(), "the total is the whole list");
        return seen;
    }

    private void sameStatementsForOneAndForMany(String path, String idsParam, String id, Supplier<RequestSpecification> as) {
        List<String> ids = new ArrayList<>(List.of(id));
        while (ids.size() < MANY) {
            ids.add(UUID.randomUUID().toString());
        }
        Consumer<List<String>> call = some -> as.get().queryParam(idsParam, String.join(",", some)).queryParam("limit", 2)
                .get(path).then().statusCode(200);
        StatementCount.assertSameForOneAndAll(dbUrl, dbUser, dbPassword, "GET " + path, ids, 5, call);
    }
}
