package dev.rapport.contacts.organisation;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationResourceTest {

    @Test
    void organisationsHaveUniqueDomainsAndOptimisticVersions() {
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String id = agent().body("{\"name\":\"Acme\",\"domain\":\"" + domain.toUpperCase() + "\",\"employeeCount\":40}")
                .post("/organisations").then().statusCode(201).body("domain", equalTo(domain)).extract().path("id");
        agent().body("{\"name\":\"Acme 2\",\"domain\":\"" + domain + "\"}").post("/organisations").then().statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/duplicate-domain"));
        agent().body("{\"name\":\"Acme Ltd\",\"domain\":\"" + domain + "\",\"version\":0}").put("/organisations/" + id).then()
                .statusCode(200).body("version", equalTo(1));
        agent().body("{\"name\":\"Acme plc\",\"domain\":\"" + domain + "\",\"version\":0}").put("/organisations/" + id).then()
                .statusCode(409);
        agent().get("/organisations/" + id).then().body("name", equalTo("Acme Ltd"));

        agent().body("{\"givenName\":\"Wile\",\"organisationId\":\"" + id + "\"}").post("/contacts").then().statusCode(201);
        agent().body("{\"givenName\":\"Wile\",\"organisationId\":\"" + UUID.randomUUID() + "\"}").post("/contacts").then()
                .statusCode(422).body("errors.field", hasItem("organisationId"));
        agent().body("{\"name\":\"\",\"domain\":\"not a domain\",\"employeeCount\":-1}").post("/organisations").then()
                .statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("domain"))
                .body("errors.field", hasItem("employeeCount"));
        as("analyst").body("{\"name\":\"X\"}").post("/organisations").then().statusCode(403);
    }
}
