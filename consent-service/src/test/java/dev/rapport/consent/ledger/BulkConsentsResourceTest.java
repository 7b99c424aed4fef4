package dev.rapport.consent.ledger;

import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkConsentsResourceTest {

    @Test
    void consentsOfManyContactsInOneCallInTheOrderAsked() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();
        record(ada, "GRANT", newsletter, "EMAIL", "");
        record(bob, "GRANT", newsletter, "EMAIL", "");
        record(bob, "WITHDRAW", newsletter, null, "");

        agent().queryParam("contactIds", nobody + "," + bob + "," + ada).get("/consents").then().statusCode(200)
                .body("contactId", contains(nobody.toString(), bob.toString(), ada.toString()))
                .body("[0].consents", hasSize(0))
                .body("[1].consents.status", contains("WITHDRAWN"))
                .body("[2].consents.status", contains("GRANTED"))
                .body("[2].consents[0].purpose", equalTo(newsletter));
    }

    @Test
    void policiesOfManyContacts() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        agent().body("{\"doNotContact\":true}").put("/contacts/" + ada + "/policy").then().statusCode(200);
        agent().queryParam("contactIds", ada + "," + bob).get("/policies").then().statusCode(200)
                .body("contactId", contains(ada.toString(), bob.toString()))
                .body("doNotContact", contains(true, false));
    }

    @Test
    void badOrTooManyIdsAre400AndContactsMayNotUseIt() {
        agent().queryParam("contactIds", "nope").get("/consents").then().statusCode(400);
        agent().get("/consents").then().statusCode(400);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append(UUID.randomUUID());
        }
        agent().queryParam("contactIds", many.toString()).get("/policies").then().statusCode(400);
        UUID ada = UUID.randomUUID();
        contact(ada).queryParam("contactIds", ada.toString()).get("/consents").then().statusCode(403);
    }
}
