package dev.rapport.consent.ledger;

import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportResourceTest {

    @Test
    void ledgerExportsAsJsonAndCsvByFilter() {
        String newsletter = purpose("newsletter", "CONSENT");
        String survey = purpose("survey", "CONSENT");
        UUID ada = UUID.randomUUID();
        String grant = as("agent").body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"WEB_FORM\","
                        + "\"evidence\":{\"formId\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\",\"note\":\"said yes on the phone\"}}")
                .post("/contacts/" + ada + "/consent-events").then().statusCode(201).extract().path("id");
        record(ada, "GRANT", survey, "EMAIL", "");
        record(UUID.randomUUID(), "GRANT", newsletter, "EMAIL", "");

        as("analyst").accept("application/json").queryParam("contactId", ada.toString()).queryParam("purpose", newsletter)
                .get("/consent-events").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(grant)).body("[0].evidence.note", equalTo(null));
        as("analyst").accept("application/json").queryParam("contactId", ada.toString()).get("/consent-events").then()
                .body("", hasSize(2));
        as("analyst").accept("application/json").queryParam("contactId", ada.toString()).queryParam("from", "2999-01-01T00:00:00Z")
                .get("/consent-events").then().statusCode(200).body("", hasSize(0));

        String csv = as("admin").accept("text/csv").queryParam("contactId", ada.toString()).queryParam("purpose", newsletter)
                .get("/consent-events").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("id,contactId,seq,kind,purpose,channel"));
        assertTrue(lines[1].startsWith(grant + "," + ada + ",1,GRANT," + newsletter + ",EMAIL"), lines[1]);
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), lines[1]);

        as("analyst").accept("text/csv").queryParam("from", "soon").get("/consent-events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        as("analyst").accept("application/json").queryParam("contactId", "abc").get("/consent-events").then().statusCode(400)
                .body("errors.field", hasItem("contactId"));
        as("marketer").accept("application/json").get("/consent-events").then().statusCode(403);
    }

    @Test
    void anyEventIsAKantaraConsentReceipt() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String grant = record(ada, "GRANT", newsletter, "EMAIL", ",\"expiresAt\":\"2030-01-01T00:00:00Z\"");
        contact(ada).get("/consent-events/" + grant + "/receipt").then().statusCode(200)
                .body("version", equalTo("KI-CR-v1.1.0"))
                .body("jurisdiction", equalTo("EU"))
                .body("consentReceiptID", equalTo(grant))
                .body("collectionMethod", equalTo("WEB_FORM"))
                .body("piiPrincipalId", equalTo(ada.toString()))
                .body("language", equalTo("en"))
                .body("piiControllers[0].piiController", equalTo("Rapport operator"))
                .body("policyUrl", equalTo("https://example.com/privacy"))
                .body("services[0].purposes[0].purpose", equalTo(newsletter))
                .body("services[0].purposes[0].consentType", equalTo("EXPLICIT"))
                .body("services[0].purposes[0].termination", containsString("2030-01-01T00:00:00Z"))
                .body("sensitive", equalTo(false))
                .body("rapport.kind", equalTo("GRANT"))
                .body("rapport.hash", equalTo(as("agent").get("/consent-events/" + grant).then().extract().path("hash")));
        contact(UUID.randomUUID()).get("/consent-events/" + grant + "/receipt").then().statusCode(403);
        as("agent").get("/consent-events/" + UUID.randomUUID() + "/receipt").then().statusCode(404);
    }
}
