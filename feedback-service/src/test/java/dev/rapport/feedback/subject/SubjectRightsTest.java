package dev.rapport.feedback.subject;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.feedback.person.Person;
import dev.rapport.feedback.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubjectRightsTest {

    @Test
    void theExportHoldsEverythingAboutThePerson() {
        Person p = Person.withEverything();
        String export = as("admin").get("/contacts/" + p.id + "/data-export").then().statusCode(200)
                .body("contactId", equalTo(p.id.toString()))
                .body("erasedAt", nullValue())
                .body("cases[0].problem", equalTo("The boiler in flat 4 leaks"))
                .body("caseHistory[0].caseId", equalTo(p.caseId))
                .body("invitations", hasSize(1))
                .body("responses[0].ratings[0].comment", equalTo("Please fix parking near my house"))
                .body("ratings[0].comment", equalTo("Sam never called me back"))
                .body("renewalMemberships[0].programmeName", equalTo("Season ticket"))
                .body("renewalScores[0].score", equalTo(4))
                .body("messages[0].kind", equalTo("invitation"))
                .extract().asString();
        assertThat(export, containsString("\"threads\":[]"));
        as("admin").get("/contacts/" + UUID.randomUUID() + "/data-export").then().statusCode(200)
                .body("cases", hasSize(0)).body("ratings", hasSize(0));
    }

    @Test
    void afterErasureNothingPersonalIsLeftTotalsStayAndErasingAgainAnswersTheSame() {
        Person p = Person.withEverything();
        String caseBefore = analyst().get("/cases/metrics?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z").then()
                .statusCode(200).extract().path("opened").toString();

        String first = as("admin").post("/contacts/" + p.id + "/erasure").then().statusCode(200)
                .body("contactId", equalTo(p.id.toString()))
                .body("cases", equalTo(1)).body("ratings", equalTo(1)).body("responses", equalTo(1))
                .body("invitations", equalTo(1)).body("renewalMemberships", equalTo(1))
                .extract().asString();

        String export = as("admin").get("/contacts/" + p.id + "/data-export").then().statusCode(200)
                .body("erasedAt", notNullValue())
                .body("cases", hasSize(0)).body("invitations", hasSize(0)).body("responses", hasSize(0))
                .body("ratings", hasSize(0)).body("renewalScores", hasSize(0)).body("loopFollowUps", hasSize(0))
                .extract().asString();
        for (String personal : new String[] {"boiler", "parking", "Sam never"}) {
            assertThat(export, not(containsString(personal)));
        }
        agent().queryParam("contactIds", p.id.toString()).get("/by-contact/cases").then().statusCode(200)
                .body("[0].items", hasSize(0));
        agent().get("/cases/" + p.caseId).then().statusCode(200)
                .body("problem", equalTo("[erased]"))
                .body("contactId", not(equalTo(p.id.toString())));
        // totals do not change: the case still counts, the ranking still counts
        assertEquals(caseBefore, analyst().get("/cases/metrics?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z").then()
                .statusCode(200).extract().path("opened").toString());

        String again = as("admin").post("/contacts/" + p.id + "/erasure").then().statusCode(200).extract().asString();
        assertEquals(first, again);
    }

    @Test
    void onlyAnAdminOrThePersonErasesAndAContactExportsOnlyItself() {
        Person p = Person.withEverything();
        Api.contact(p.id).get("/contacts/" + p.id + "/data-export").then().statusCode(200)
                .body("cases[0].id", equalTo(p.caseId));
        Api.contact(p.id).get("/contacts/" + UUID.randomUUID() + "/data-export").then().statusCode(403);
        agent().get("/contacts/" + p.id + "/data-export").then().statusCode(403);
        Api.contact(p.id).post("/contacts/" + UUID.randomUUID() + "/erasure").then().statusCode(403);
        agent().post("/contacts/" + p.id + "/erasure").then().statusCode(403);
        as("marketer").post("/contacts/" + p.id + "/erasure").then().statusCode(403);
        agent().get("/cases/" + p.caseId).then().statusCode(200).body("problem", equalTo("The boiler in flat 4 leaks"));
    }

    @Test
    void aPersonErasesThemselvesAndNobodyElse() {
        Person p = Person.withEverything();
        Person other = Person.withEverything();
        Api.contact(p.id).post("/contacts/" + other.id + "/erasure").then().statusCode(403);
        agent().get("/cases/" + other.caseId).then().statusCode(200).body("problem", equalTo("The boiler in flat 4 leaks"));
        Api.contact(p.id).post("/contacts/" + p.id + "/erasure").then().statusCode(200);
        agent().get("/cases/" + p.caseId).then().statusCode(200).body("problem", not(equalTo("The boiler in flat 4 leaks")));
    }
}
