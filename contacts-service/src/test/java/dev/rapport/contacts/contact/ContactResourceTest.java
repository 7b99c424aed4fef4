package dev.rapport.contacts.contact;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {

    static final String ADA = """
            {"givenName":"Ada","familyName":"Lovelace","owner":"alice","tags":["VIP","vip","engineering"],
             "contactPoints":[
               {"channel":"EMAIL","address":" Ada@Example.COM ","context":"WORK",
                "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"webinar-signup"}},
               {"channel":"PHONE","address":"020 7946 0018","region":"GB","context":"PERSONAL",
                "provenance":{"kind":"ENRICHMENT","source":"Clearbit"}}]}""";

    @Test
    void createsContactWithNormalisedPointsAndProvenance() {
        String id = agent().body(ADA).post("/contacts").then().statusCode(201)
                .header("Location", containsString("/contacts/"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("lifecycleStage", equalTo("PROSPECT"))
                .body("tags", contains("vip", "engineering"))
                .body("contactPoints.address", contains("ada@example.com", "+442079460018"))
                .body("contactPoints[0].provenance.kind", equalTo("PROVIDED_BY_CONTACT"))
                .body("contactPoints[0].provenance.source", equalTo("webinar-signup"))
                .body("contactPoints[1].provenance.source", equalTo("Clearbit"))
                .extract().path("id");
        agent().get("/contacts/" + id).then().statusCode(200)
                .body("contactPoints", hasSize(2)).body("version", notNullValue());
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        String id = agent().body(ADA).post("/contacts").then().statusCode(201).extract().path("id");
        int v = agent().get("/contacts/" + id).then().extract().path("version");
        String update = """
                {"givenName":"Ada","familyName":"King","lifecycleStage":"LEAD","version":%d}""";
        agent().body(update.formatted(v)).put("/contacts/" + id).then().statusCode(200)
                .body("displayName", equalTo("Ada King")).body("version", equalTo(v + 1));
        agent().body(update.formatted(v).replace("King", "Byron")).put("/contacts/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/version-conflict"));
        agent().get("/contacts/" + id).then().body("familyName", equalTo("King"));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        agent().body("{\"givenName\":\"X\",\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":\"not-an-email\","
                        + "\"context\":\"WORK\",\"provenance\":{\"kind\":\"IMPORTED\",\"source\":\"a.csv\"}}]}")
                .post("/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contactPoints[0].address"));
        agent().body("{\"givenName\":\"X\",\"lifecycleStage\":\"VIP\"}").post("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("lifecycleStage"));
        agent().body("{\"givenName\":\"X\",\"shoeSize\":43}").post("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("shoeSize"));
        agent().body("{\"givenName\":").post("/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
        agent().body("{\"givenName\":[1,2]}").post("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("givenName"));
        agent().body("{\"givenName\":\"X\",\"contactPoints\":[{\"channel\":\"PHONE\",\"address\":\"12\",\"region\":\"GB\","
                        + "\"context\":\"WORK\",\"provenance\":{\"kind\":\"IMPORTED\",\"source\":\"a.csv\"}}]}")
                .post("/contacts").then().statusCode(400).body("errors.field", hasItem("contactPoints[0].address"));
        agent().get("/contacts/not-a-uuid").then().statusCode(404);
    }

    @Test
    void rolesAreEnforced() {
        given().body(ADA).contentType("application/json").post("/contacts").then().statusCode(401);
        as("analyst").body(ADA).post("/contacts").then().statusCode(403);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneContact() {
        String key = java.util.UUID.randomUUID().toString();
        String tag = "idem" + key.substring(0, 8);
        String body = "{\"givenName\":\"Retry\",\"tags\":[\"" + tag + "\"]}";
        String first = agent().header("Idempotency-Key", key).body(body).post("/contacts").then().statusCode(201)
                .extract().path("id");
        agent().header("Idempotency-Key", key).body(body).post("/contacts").then().statusCode(201).body("id", equalTo(first));
        agent().queryParam("tag", tag).get("/contacts").then().body("items", hasSize(1));
        agent().header("Idempotency-Key", key).body("{\"givenName\":\"Other\"}").post("/contacts").then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // Announce a body over the limit and send none of it: the refusal must come from the headers alone.
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String token = dev.rapport.devstack.testing.Tokens.forRoles("big", "agent");
            socket.getOutputStream().write(("POST /contacts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(400), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 413"), response);
        }
        agent().body("{\"givenName\":\"" + "x".repeat(300) + "\"}").post("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("givenName"));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/contacts'.post.summary", equalTo("Create a contact, optionally with contact points"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
