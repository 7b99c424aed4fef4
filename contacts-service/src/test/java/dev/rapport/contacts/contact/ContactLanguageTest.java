package dev.rapport.contacts.contact;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rapport.platform.problem.ProblemException;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The language a person reads: set on creation, by staff, by the person (own only), by import; erased with them. */
@QuarkusTest
class ContactLanguageTest {

    static String create(String language) {
        String lang = language == null ? "" : ",\"language\":\"" + language + "\"";
        return agent().body("{\"givenName\":\"Lang\",\"familyName\":\"" + UUID.randomUUID() + "\"" + lang + "}")
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTagIsStoredInCanonicalCaseAndShownOnTheContact() {
        String id = create("fr-ca");
        agent().get("/contacts/" + id).then().statusCode(200).body("language", equalTo("fr-CA"));
        agent().queryParam("ids", id).get("/contacts").then().body("items[0].language", equalTo("fr-CA"));
        agent().get("/contacts/" + create(null)).then().body("language", nullValue());
    }

    @Test
    void whatIsNotALanguageTagIsRefusedNamingTheField() {
        for (String bad : new String[] {"french", "zz", "fr_CA_x", "en-u-ca-gregory", "x-private", "fr-", "e", "12"}) {
            agent().body("{\"givenName\":\"X\",\"language\":\"" + bad + "\"}").post("/contacts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("language"));
        }
        String id = create("en");
        agent().body("{\"language\":\"klingon\"}").put("/contacts/" + id + "/language").then().statusCode(400)
                .body("errors.field", hasItem("language"));
        agent().get("/contacts/" + id).then().body("language", equalTo("en"));
    }

    @Test
    void normalisation() {
        assertEquals("ar", LanguageTag.normalise(" AR ", "language"));
        assertEquals("zh-Hant-TW", LanguageTag.normalise("zh-hant-tw", "language"));
        assertEquals("es-419", LanguageTag.normalise("es-419", "language"));
        assertEquals("fr-CA", LanguageTag.normalise("fr_CA", "language"));
        assertEquals(null, LanguageTag.normalise("  ", "language"));
        assertThrows(ProblemException.class, () -> LanguageTag.normalise("qq", "language"));
    }

    @Test
    void aStaffUpdateWithoutLanguageKeepsThePersonsChoiceAndAnEmptyOneClearsIt() {
        String id = create("ar");
        int v = agent().get("/contacts/" + id).then().extract().path("version");
        agent().body("{\"givenName\":\"Lang\",\"lifecycleStage\":\"LEAD\",\"version\":" + v + "}").put("/contacts/" + id)
                .then().statusCode(200).body("language", equalTo("ar"));
        agent().body("{\"givenName\":\"Lang\",\"lifecycleStage\":\"LEAD\",\"version\":" + (v + 1) + ",\"language\":\"FR\"}")
                .put("/contacts/" + id).then().statusCode(200).body("language", equalTo("fr"));
        agent().body("{\"givenName\":\"Lang\",\"lifecycleStage\":\"LEAD\",\"version\":" + (v + 2) + ",\"language\":\"\"}")
                .put("/contacts/" + id).then().statusCode(200).body("language", nullValue());
    }

    @Test
    void aContactSetsItsOwnLanguageAndNobodyElses() {
        String me = create("en");
        String other = create("en");
        given().auth().oauth2(Tokens.forContact(me)).contentType(ContentType.JSON).body("{\"language\":\"ar\"}")
                .put("/contacts/" + me + "/language").then().statusCode(200).body("language", equalTo("ar"));
        given().auth().oauth2(Tokens.forContact(me)).contentType(ContentType.JSON).body("{\"language\":\"fr\"}")
                .put("/contacts/" + other + "/language").then().statusCode(403);
        agent().get("/contacts/" + other).then().body("language", equalTo("en"));
        given().auth().oauth2(Tokens.forContact(me)).contentType(ContentType.JSON).body("{\"language\":null}")
                .put("/contacts/" + me + "/language").then().statusCode(200).body("language", nullValue());
        as("analyst").body("{\"language\":\"fr\"}").put("/contacts/" + me + "/language").then().statusCode(403);
        agent().body("{\"language\":\"fr\"}").put("/contacts/" + UUID.randomUUID() + "/language").then().statusCode(404);
    }

    @Test
    void erasureRemovesTheLanguage() {
        String id = create("fr");
        as("admin").post("/contacts/" + id + "/erasure").then().statusCode(200);
        agent().get("/contacts/" + id).then().body("language", nullValue());
    }

    @Test
    void importTakesALanguageColumnAndReportsABadOne() {
        String file = "lang-" + UUID.randomUUID() + ".csv";
        String csv = "given_name,family_name,language\nAmal,%s,AR\nBad,%s,elvish\n".formatted(file, file);
        String job = as("marketer").contentType("text/csv").header("Idempotency-Key", "k-" + file).queryParam("fileName", file)
                .body(csv).post("/imports").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "COMPLETED"
                .equals(agent().get("/imports/" + job).then().extract().path("status")));
        agent().get("/imports/" + job + "/errors").then().body("items[0].field", equalTo("language"))
                .body("items[0].line", equalTo(3)).body("items[0].message", containsString("BCP 47"));
        agent().queryParam("name", "amal " + file).get("/contacts").then().body("items[0].language", equalTo("ar"));
    }
}
