package dev.rapport.feedback.consultation;

import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.support.Api.contact;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.devstack.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The follow-up page names the initiative it asks about: {@code GET /initiatives?ids=} reads the initiatives of many
 * follow-ups in one statement, for a person as for staff (an initiative holds no personal data).
 */
@QuarkusTest
class LoopInitiativesTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    @Test
    void initiativesByIdInTheOrderAskedUnknownOnesLeftOut() {
        Fixtures.Consultation c = openConsultation("Fix the pipes", "Réparer les trottoirs");
        JsonPath found = contact(UUID.randomUUID()).queryParam("ids", c.initiative(2) + "," + UUID.randomUUID() + "," + c.initiative(1))
                .get("/initiatives").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(c.initiative(2), c.initiative(1)), found.getList("id"));
        assertEquals(List.of("Réparer les trottoirs", "Fix the pipes"), found.getList("title"));
        assertEquals(List.of(2, 1), found.getList("position"));
    }

    @Test
    void badIdsAreA400NamingThem() {
        contact(UUID.randomUUID()).queryParam("ids", "x").get("/initiatives").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        contact(UUID.randomUUID()).get("/initiatives").then().statusCode(400).body("errors[0].field", equalTo("ids"));
    }

    @Test
    void aHundredIdsCostAsManyStatementsAsOne() {
        Fixtures.Consultation c = openConsultation("Fix the pipes");
        List<String> ids = new ArrayList<>(List.of(c.initiative(1)));
        while (ids.size() < 100) {
            ids.add(UUID.randomUUID().toString());
        }
        StatementCount.assertSameForOneAndAll(dbUrl, dbUser, dbPassword, "GET /initiatives", ids, 5,
                some -> contact(UUID.randomUUID()).queryParam("ids", String.join(",", some)).get("/initiatives").then().statusCode(200));
    }
}
