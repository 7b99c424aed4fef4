package dev.rapport.contacts.subject;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contacts.support.ConsentStub;
import dev.rapport.contacts.support.Fixtures;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubjectRightsTest {

    static RequestSpecification admin() {
        return as("admin");
    }

    /** A person with a name, a contact point, an interaction with free text, a follow-up and a stored idempotent answer. */
    static String person(String family) {
        String id = agent().header("Idempotency-Key", "k-" + UUID.randomUUID()).body("""
                {"givenName":"Ingrid","familyName":"%s","tags":["vip"],"contactPoints":[
                  {"channel":"EMAIL","address":"%s@example.org","context":"PERSONAL",
                   "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"newsletter-form"}}]}""".formatted(family, family.toLowerCase()))
                .post("/contacts").then().statusCode(201).extract().path("id");
        as("integration").body("""
                {"contactId":"%s","type":"SUPPORT_REQUEST","occurredAt":"%s","source":"desk","externalId":"%s",
                 "subject":"My card was charged twice","details":{"phone":"+44 20 7946 0000"}}"""
                .formatted(id, Instant.now().minus(1, ChronoUnit.DAYS), UUID.randomUUID()))
                .post("/interactions").then().statusCode(201);
        agent().body("{\"dueOn\":\"" + LocalDate.now().plusDays(30) + "\",\"topic\":\"Refund for Ingrid\"}")
                .post("/contacts/" + id + "/follow-ups").then().statusCode(201);
        return id;
    }

    @Test
    void theExportHoldsEverythingAboutThePerson() {
        String family = "Exportson" + UUID.randomUUID().toString().substring(0, 8);
        String id = person(family);
        admin().get("/contacts/" + id + "/data-export").then().statusCode(200)
                .body("contactId", equalTo(id))
                .body("contact.familyName", equalTo(family))
                .body("contact.contactPoints[0].address", equalTo(family.toLowerCase() + "@example.org"))
                .body("contact.contactPoints[0].provenance.source", equalTo("newsletter-form"))
                .body("interactions[0].subject", equalTo("My card was charged twice"))
                .body("followUps[0].topic", equalTo("Refund for Ingrid"))
                .body("value.currency", equalTo("EUR"))
                .body("leadScore.contactId", equalTo(id))
                .body("erasedAt", nullValue());
    }

    @Test
    void afterErasureNothingPersonalIsFoundAndErasingAgainAnswersTheSame() {
        String family = "Erasmus" + UUID.randomUUID().toString().substring(0, 8);
        String id = person(family);
        String pointId = agent().get("/contacts/" + id).then().extract().path("contactPoints[0].id");

        String first = admin().post("/contacts/" + id + "/erasure").then().statusCode(200)
                .body("contactId", equalTo(id))
                .body("contactPointsRemoved", equalTo(1))
                .body("interactionsAnonymised", equalTo(1))
                .body("followUpsDeleted", equalTo(1))
                .extract().asString();

        String export = admin().get("/contacts/" + id + "/data-export").then().statusCode(200)
                .body("erasedAt", org.hamcrest.Matchers.notNullValue())
                .body("contact.givenName", nullValue())
                .body("contact.displayName", equalTo("Erased contact"))
                .body("contact.tags", hasSize(0))
                .body("contact.contactPoints", hasSize(0))
                .body("interactions", hasSize(1))
                .body("interactions[0].type", equalTo("SUPPORT_REQUEST"))
                .body("interactions[0].subject", nullValue())
                .body("interactions[0].details", nullValue())
                .body("followUps", hasSize(0))
                .extract().asString();
        for (String personal : new String[] {family, family.toLowerCase() + "@example.org", "Ingrid", "charged twice", "7946"}) {
            org.hamcrest.MatcherAssert.assertThat(export, not(containsString(personal)));
        }
        agent().queryParam("name", family).get("/contacts").then().statusCode(200).body("items", hasSize(0));
        agent().queryParam("name", "Ingrid " + family).get("/contacts").then().statusCode(200).body("items", hasSize(0));

        // consent-service learns that the point is gone, without the address
        await().atMost(Duration.ofSeconds(15)).until(() -> removal(id, pointId) != null);
        JsonNode removed = removal(id, pointId);
        assertEquals("", removed.path("payload").path("address").asText(""));

        String again = admin().post("/contacts/" + id + "/erasure").then().statusCode(200).extract().asString();
        assertEquals(first, again);
    }

    private static JsonNode removal(String contactId, String pointId) {
        for (JsonNode n : ConsentStub.RECEIVED) {
            JsonNode p = n.path("payload");
            if (p.path("contactId").asText().equals(contactId) && p.path("contactPointId").asText().equals(pointId)
                    && p.path("change").asText().equals("REMOVED")) {
                return n;
            }
        }
        return null;
    }

    @Test
    void aMergedAwayIdErasesTheContactItWasMergedInto() {
        String survivor = person("Survivor" + UUID.randomUUID().toString().substring(0, 8));
        String duplicate = person("Duplicate" + UUID.randomUUID().toString().substring(0, 8));
        agent().body("{\"mergeId\":\"" + duplicate + "\"}").post("/contacts/" + survivor + "/merge").then().statusCode(200);

        admin().post("/contacts/" + duplicate + "/erasure").then().statusCode(200)
                .body("contactId", equalTo(survivor))
                .body("mergedContactIds", contains(duplicate))
                .body("contactPointsRemoved", equalTo(2))
                .body("interactionsAnonymised", equalTo(2));
        admin().get("/contacts/" + duplicate + "/data-export").then().statusCode(200)
                .body("contactId", equalTo(survivor))
                .body("contact.familyName", nullValue());
    }

    @Test
    void onlyAnAdminOrThePersonErasesAndAContactExportsOnlyItself() {
        String me = person("Self" + UUID.randomUUID().toString().substring(0, 8));
        String other = Fixtures.contact("o");
        String token = Tokens.forContact(me);
        given().auth().oauth2(token).get("/contacts/" + me + "/data-export").then().statusCode(200)
                .body("contactId", equalTo(me));
        given().auth().oauth2(token).get("/contacts/" + other + "/data-export").then().statusCode(403);
        agent().get("/contacts/" + me + "/data-export").then().statusCode(403);
        given().auth().oauth2(token).post("/contacts/" + other + "/erasure").then().statusCode(403);
        agent().post("/contacts/" + me + "/erasure").then().statusCode(403);
        as("integration").post("/contacts/" + me + "/erasure").then().statusCode(403);
        admin().post("/contacts/" + UUID.randomUUID() + "/erasure").then().statusCode(404)
                .contentType("application/problem+json");
        // nothing was erased by the refused attempts
        agent().get("/contacts/" + me).then().statusCode(200).body("contactPoints", hasSize(1));
    }

    @Test
    void aPersonErasesThemselvesAndNobodyElse() {
        String me = agent().body("{\"givenName\":\"Erin\",\"familyName\":\"Erase\"}").post("/contacts").then().statusCode(201)
                .extract().path("id");
        String other = agent().body("{\"givenName\":\"Otto\",\"familyName\":\"Other\"}").post("/contacts").then()
                .statusCode(201).extract().path("id");
        String token = Tokens.forContact(me);
        given().auth().oauth2(token).post("/contacts/" + other + "/erasure").then().statusCode(403);
        agent().get("/contacts/" + other).then().body("displayName", equalTo("Otto Other"));
        given().auth().oauth2(token).post("/contacts/" + me + "/erasure").then().statusCode(200);
        agent().get("/contacts/" + me).then().body("displayName", equalTo("Erased contact"));
    }
}
