package dev.rapport.consent.outreach;

import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A message's unsubscribe link followed again (a mail client's one-click POST and then the person's click, or a retry)
 * withdraws once: the ledger is append-only, so a second withdrawal could never be taken back.
 */
@QuarkusTest
class UnsubscribeTest {

    static List<Map<String, Object>> ledger(UUID contactId) {
        return agent().get("/contacts/" + contactId + "/consent-events?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static long withdrawals(UUID contactId) {
        return ledger(contactId).stream().filter(e -> "WITHDRAW".equals(e.get("kind"))).count();
    }

    /** An outreach request by e-mail to the person, queued: the message whose link is followed. */
    static String emailTo(UUID contactId, String purpose) {
        return as("marketer").body(OutreachResourceTest.request(contactId, purpose, "EMAIL")).post("/outreach/requests").then()
                .statusCode(201).body("status", equalTo("QUEUED")).extract().path("id");
    }

    static String unsubscribe(String outreachId, int status) {
        return integration().body("{}").post("/outreach/deliveries/" + outreachId + "/unsubscribe").then().statusCode(status)
                .body("kind", equalTo("WITHDRAW")).body("source", equalTo("UNSUBSCRIBE_LINK")).extract().path("id");
    }

    @Test
    void theSameLinkPostedTwiceAppendsOneWithdrawalAndAnswersItAgain() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID dee = OutreachResourceTest.reachablePerson(newsletter);
        String id = emailTo(dee, newsletter);
        int before = ledger(dee).size();

        String first = unsubscribe(id, 201);
        Response replay = integration().body("{}").post("/outreach/deliveries/" + id + "/unsubscribe");

        assertEquals(before + 1, ledger(dee).size(), "two POSTs of one link append one event");
        assertEquals(1, withdrawals(dee));
        assertEquals(200, replay.statusCode(), "a replay records nothing new");
        assertEquals(first, replay.path("id"), "a replay answers the withdrawal recorded first");
    }

    @Test
    void aGrantAfterTheWithdrawalMakesTheSameLinkCountAgain() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID eli = OutreachResourceTest.reachablePerson(newsletter);
        String id = emailTo(eli, newsletter);
        String first = unsubscribe(id, 201);
        record(eli, "GRANT", newsletter, "EMAIL", "");

        String second = unsubscribe(id, 201);

        assertEquals(2, withdrawals(eli));
        assertNotEquals(first, second, "a new withdrawal");
        as("marketer").body("{\"contactId\":\"" + eli + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\"}")
                .post("/decisions").then().body("allowed", equalTo(false));
    }

    @Test
    void twoPostsAtOnceAppendOneWithdrawal() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID fay = OutreachResourceTest.reachablePerson(newsletter);
        String id = emailTo(fay, newsletter);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit(() -> integration().body("{}").post("/outreach/deliveries/" + id + "/unsubscribe")
                        .then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : posts) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, withdrawals(fay));
    }
}
