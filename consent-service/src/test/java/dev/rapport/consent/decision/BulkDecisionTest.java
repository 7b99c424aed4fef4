package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.purpose;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkDecisionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    /**
     * 10,000 contacts, each with an e-mail they gave; every even one granted. Loaded with SQL (the way
     * bench/consent loads a million) because 10,000 HTTP round trips would dominate the test.
     */
    List<UUID> audience(String purpose, int n) throws Exception {
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword)) {
            PreparedStatement s = c.prepareStatement("""
                    with a as (select id, ord from unnest(?::uuid[]) with ordinality as t(id, ord))
                    , subj as (insert into consent_subjects (contact_id, salt, head_seq, head_hash, created_at)
                               select id, '\\x00', case when ord % 2 = 0 then 1 else 0 end, repeat('0', 64), now() from a)
                    , pts as (insert into contact_point_facts (contact_point_id, contact_id, channel, address_hash, context,
                                 provenance, added_at, last_seq, updated_at)
                              select gen_random_uuid(), id, 'EMAIL', md5(id::text), 'WORK', 'PROVIDED_BY_CONTACT',
                                     now() - interval '1 day', 1, now() from a)
                    insert into consent_events (id, contact_id, seq, kind, purpose, channel, lawful_basis, source, actor,
                                 occurred_at, recorded_at, prev_hash, hash)
                    select gen_random_uuid(), id, 1, 'GRANT', ?, 'EMAIL', 'CONSENT', 'IMPORT', 'test',
                           now() - interval '1 hour', now(), repeat('0', 64), md5(id::text) from a where ord % 2 = 0
                    """);
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.setString(2, purpose);
            s.execute();
        }
        return ids;
    }

    @Test
    void tenThousandContactsAreDecidedInOneStreamInInputOrder() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        List<UUID> ids = audience(newsletter, 10_000);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            body.append(i % 3 == 0 ? "\"" + ids.get(i) + "\"" : i % 3 == 1 ? ids.get(i).toString() : "{\"contactId\":\"" + ids.get(i) + "\"}")
                    .append('\n');
            if (i == 5000) {
                body.append("not-a-contact\n");
            }
        }
        UUID stranger = UUID.randomUUID();
        body.append(stranger).append('\n');
        String answer = given().auth().oauth2(Tokens.forRoles("bulk", "marketer")).contentType("application/x-ndjson")
                .queryParam("purpose", newsletter).queryParam("channel", "EMAIL").body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/decisions/bulk").then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        String[] lines = answer.strip().split("\n");
        assertEquals(ids.size() + 2, lines.length, answer.substring(0, Math.min(400, answer.length())));
        int allowed = 0;
        int k = 0;
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            if (n.has("error")) {
                assertEquals(5002, n.get("line").asLong());
                continue;
            }
            if (k < ids.size()) {
                assertEquals(ids.get(k).toString(), n.get("contactId").asText());
                boolean even = (k + 1) % 2 == 0;
                assertEquals(even, n.get("allowed").asBoolean(), "contact " + k);
                if (!even) {
                    assertEquals("no-consent", n.get("reasons").get(0).get("code").asText());
                } else {
                    assertTrue(n.hasNonNull("evidenceEventId"));
                    allowed++;
                }
                k++;
            } else {
                assertEquals(stranger.toString(), n.get("contactId").asText());
                assertFalse(n.get("allowed").asBoolean());
                assertEquals("unknown-contact", n.get("reasons").get(0).get("code").asText());
            }
        }
        assertEquals(5_000, allowed);
    }

    @Test
    void badParametersAreProblemsBeforeAnythingStreams() {
        String newsletter = purpose("newsletter", "CONSENT");
        as("marketer").contentType("application/x-ndjson").body((UUID.randomUUID() + "\n").getBytes()).post("/decisions/bulk").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("purpose"));
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", "not-defined").body((UUID.randomUUID() + "\n").getBytes())
                .post("/decisions/bulk").then().statusCode(404).contentType("application/problem+json");
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter).queryParam("channel", "FAX")
                .body((UUID.randomUUID() + "\n").getBytes()).post("/decisions/bulk").then().statusCode(400).body("errors.field", hasItem("channel"));
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter).queryParam("at", "2026-13-01")
                .body((UUID.randomUUID() + "\n").getBytes()).post("/decisions/bulk").then().statusCode(400).body("errors.field", hasItem("at"));
        // an agent decides for the page of contacts it is looking at in one call; a contact never decides in bulk
        as("agent").contentType("application/x-ndjson").queryParam("purpose", newsletter).body((UUID.randomUUID() + "\n").getBytes())
                .post("/decisions/bulk").then().statusCode(200).body(containsString("\"allowed\":false"));
        as("contact").contentType("application/x-ndjson").queryParam("purpose", newsletter).body((UUID.randomUUID() + "\n").getBytes())
                .post("/decisions/bulk").then().statusCode(403);
        as("marketer").contentType("application/x-ndjson").queryParam("purpose", newsletter).body(new byte[0])
                .post("/decisions/bulk").then().statusCode(200).body(equalTo(""));
    }
}
