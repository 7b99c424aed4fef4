package dev.rapport.feedback.followup;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.respond;
import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.feedback.consultation.Fixtures;
import dev.rapport.feedback.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A "no, because …" keeps the person's words as they wrote them, in their language, and carries the answer as data
 * ({@code answer} on the message): readers render its label in their own language. Threads written before keep
 * reading right once the migration moved the old English prefix into that field.
 */
@QuarkusTest
class ThreadAnswerTest {
    static final String WHY = "شارعي ليس في القائمة";

    @Test
    void aNoKeepsThePersonsWordsAndCarriesTheAnswerAsData() {
        UUID person = UUID.randomUUID();
        String followUp = followUpOf(person);
        contact(person).body(Map.of("answer", "NO", "why", WHY)).post("/follow-ups/" + followUp + "/answer").then().statusCode(200);
        String thread = contact(person).get("/follow-ups/" + followUp).then().statusCode(200).extract().path("threadId");

        contact(person).queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .body("[0].items", hasSize(1)).body("[0].items[0].body", equalTo(WHY)).body("[0].items[0].answer", equalTo("NO"));
        agent().get("/threads/" + thread).then().statusCode(200).body("messages[0].body", equalTo(WHY))
                .body("messages[0].answer", equalTo("NO"));

        // staff answer, the person is asked again and answers PARTLY: the answer again beside their words
        agent().body("{\"body\":\"Your street is in phase 2\"}").post("/threads/" + thread + "/messages").then().statusCode(200);
        String again = contact(person).queryParam("contactId", person).queryParam("unanswered", true).get("/follow-ups")
                .then().statusCode(200).extract().jsonPath().getString("[0].id");
        contact(person).body(Map.of("answer", "PARTLY", "why", "Mieux, mais pas encore")).post("/follow-ups/" + again + "/answer")
                .then().statusCode(200);
        JsonPath messages = agent().queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(WHY, "Your street is in phase 2", "Mieux, mais pas encore"), messages.getList("[0].items.body"));
        assertEquals(Arrays.asList("NO", null, "PARTLY"), messages.getList("[0].items.answer"));
    }

    @Test
    void aNoWithoutAWhyIsTheAnswerAloneWithNoEnglishFiller() {
        UUID person = UUID.randomUUID();
        String followUp = followUpOf(person);
        contact(person).body("{\"answer\":\"NO\"}").post("/follow-ups/" + followUp + "/answer").then().statusCode(200);
        String thread = contact(person).get("/follow-ups/" + followUp).then().statusCode(200).extract().path("threadId");
        contact(person).queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .body("[0].items[0].body", equalTo("")).body("[0].items[0].answer", equalTo("NO"));
    }

    @Test
    void theListNamesThreadsWithoutTheirMessages() {
        UUID person = UUID.randomUUID();
        String followUp = followUpOf(person);
        contact(person).body(Map.of("answer", "NO", "why", WHY)).post("/follow-ups/" + followUp + "/answer").then().statusCode(200);
        contact(person).queryParam("contactId", person).get("/threads").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("OPEN")).body("items[0]", not(hasKey("messages")));
    }

    @Test
    void theMigrationMovesTheOldEnglishPrefixIntoTheAnswer() throws IOException {
        UUID person = UUID.randomUUID();
        String followUp = followUpOf(person);
        contact(person).body(Map.of("answer", "NO", "why", WHY)).post("/follow-ups/" + followUp + "/answer").then().statusCode(200);
        String thread = contact(person).get("/follow-ups/" + followUp).then().statusCode(200).extract().path("threadId");
        // messages as the service wrote them before V85: the answer glued to the words in English
        Sql.query("update thread_messages set body = 'No: ' || body, answer = null where thread_id = ?::uuid returning id", thread);
        oldMessage(thread, false, "Partly: Ma rue n'est pas sur la liste", 1);
        oldMessage(thread, false, "No: (no reason given)", 2);
        oldMessage(thread, true, "No: we cannot do that this year", 3);
        oldMessage(thread, false, "Not on my street", 4);

        Sql.run(migration("V85__thread_message_answer.sql"));

        JsonPath messages = agent().queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(WHY, "Ma rue n'est pas sur la liste", "", "No: we cannot do that this year", "Not on my street"),
                messages.getList("[0].items.body"));
        assertEquals(Arrays.asList("NO", "PARTLY", "NO", null, null), messages.getList("[0].items.answer"));
    }

    /** A follow-up of a new respondent after a published action. */
    private static String followUpOf(UUID person) {
        Fixtures.Consultation c = openConsultation("Fix the pipes");
        respond(person, invite(c.id(), Map.of(), person).get(0), Map.of(c.initiative(1), "ESSENTIAL"));
        String action = marketer().body("{\"initiativeId\":\"" + c.initiative(1) + "\",\"decision\":\"WILL_DO\","
                + "\"description\":\"Soon\"}").post("/actions").then().statusCode(201).extract().path("id");
        marketer().post("/actions/" + action + "/publish").then().statusCode(200);
        return contact(person).queryParam("contactId", person).get("/follow-ups").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
    }

    private static void oldMessage(String thread, boolean fromStaff, String body, int minutesLater) {
        Sql.query("insert into thread_messages (id, thread_id, author, from_staff, body, created_at) select ?::uuid, ?::uuid, "
                + "?, ?, ?, now() + make_interval(mins => ?) returning id", UUID.randomUUID(), thread, fromStaff ? "sam" : "contact",
                fromStaff, body, minutesLater);
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = ThreadAnswerTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
