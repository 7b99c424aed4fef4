package dev.rapport.contacts.importing;

import static dev.rapport.contacts.importing.ImportResourceTest.awaitCompleted;
import static dev.rapport.contacts.importing.ImportResourceTest.importer;
import static dev.rapport.contacts.importing.ImportResourceTest.utf8;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.devstack.testing.StatementCount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** mode=upsert end to end: matching by e-mail and external id, what is filled and what is kept, outcomes, idempotency. */
@QuarkusTest
class ImportUpsertTest {
    @Inject
    AgroalDataSource db;
    @Inject
    ImportJobs jobs;
    @Inject
    ObjectMapper json;
    @Inject
    dev.rapport.contacts.outbox.Outbox outbox;
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static ValidatableResponse submit(String key, String fileName, String mode, String csv) {
        var request = importer().header("Idempotency-Key", key).queryParam("fileName", fileName);
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        return request.body(utf8(csv)).post("/imports").then();
    }

    /** A contact as the person gave it: their e-mail address (PROVIDED_BY_CONTACT), given name and owner, no family name. */
    static String givenByPerson(String email, String owner) {
        return as("agent").body("""
                {"givenName":"Ada","owner":"%s","tags":["vip"],"contactPoints":[
                  {"channel":"EMAIL","address":"%s","context":"PERSONAL",
                   "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"signup"}}]}""".formatted(owner, email))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> rows(String jobId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as("analyst").queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/imports/" + jobId + "/rows").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return all;
    }

    String one(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void upsertFillsWhatIsEmptyAddsPointsAndNeverOverwritesWhatThePersonGave() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ada = givenByPerson("ada-" + tag + "@example.com", "alice");
        String twinA = givenByPerson("shared-" + tag + "@example.com", "alice");
        String twinB = givenByPerson("shared-" + tag + "@example.com", "bob");
        String file = "crm-" + tag + ".csv";
        String csv = "given_name,family_name,owner,lifecycle_stage,tags,email,email_context,phone,phone_region,external_id\n"
                // line 2: Ada by her address in another case: family name filled, phone and tag added, nothing replaced
                + "Adeline,Lovelace,zoe,lapsed,maths,ADA-" + tag + "@Example.com,WORK,020 7946 0018,GB,crm-" + tag + "-1\n"
                // line 3: a new person
                + "Grace,Hopper,,,,grace-" + tag + "@example.com,,,,crm-" + tag + "-2\n"
                // line 4: the address two contacts hold
                + "Twin,,,,,shared-" + tag + "@example.com,,,,\n"
                // line 5: Ada again, now by the external id line 2 gave her: nothing new
                + "Ada,,,,,,,,,crm-" + tag + "-1\n"
                // line 6: Grace, created by line 3 of this file, by her external id: a second e-mail
                + "Grace,,,,,grace2-" + tag + "@example.com,,,,crm-" + tag + "-2\n"
                // line 7: broken
                + "Bad,,,,,not-an-email,,,,\n";
        String key = "upsert-" + tag;
        String id = submit(key, file, "upsert", csv).statusCode(202).body("mode", equalTo("UPSERT")).extract().path("id");
        awaitCompleted(id);
        as("agent").get("/imports/" + id).then().body("processed", equalTo(6)).body("created", equalTo(1))
                .body("updated", equalTo(2)).body("matched", equalTo(1)).body("failed", equalTo(2)).body("imported", equalTo(4));

        // What the person gave stays: given name, owner, stage, the e-mail's provenance and context.
        as("agent").get("/contacts/" + ada).then().statusCode(200).body("givenName", equalTo("Ada"))
                .body("familyName", equalTo("Lovelace")).body("owner", equalTo("alice")).body("lifecycleStage", equalTo("PROSPECT"))
                .body("tags", equalTo(List.of("vip", "maths"))).body("externalId", equalTo("crm-" + tag + "-1"))
                .body("version", equalTo(1));
        assertEquals("EMAIL PERSONAL PROVIDED_BY_CONTACT signup|PHONE WORK IMPORTED " + file, one("select string_agg(channel "
                + "|| ' ' || context || ' ' || provenance || ' ' || provenance_source, '|' order by channel) from contact_points "
                + "where contact_id = ?", UUID.fromString(ada)));
        // consent-service hears of the added phone only.
        assertEquals("PHONE", one("select string_agg(payload::json->>'channel', ',') from outbox where contact_id = ? "
                + "and payload::json->>'provenanceSource' = ?", UUID.fromString(ada), file));

        List<Map<String, Object>> rows = rows(id);
        List<String> outcomes = rows.stream().map(r -> r.get("line") + " " + r.get("outcome")).toList();
        assertEquals(List.of("2 UPDATED", "3 CREATED", "4 ERROR", "5 MATCHED", "6 UPDATED", "7 ERROR"), outcomes);
        assertEquals(ada, rows.get(0).get("contactId"));
        assertEquals(List.of("family_name", "external_id", "tags", "phone"), rows.get(0).get("changed"));
        assertEquals(ada, rows.get(3).get("contactId"));
        String grace = (String) rows.get(1).get("contactId");
        assertEquals(grace, rows.get(4).get("contactId"));
        assertEquals(List.of("email"), rows.get(4).get("changed"));
        assertEquals("2", one("select count(*) from contact_points where contact_id = ? and channel = 'EMAIL'", UUID.fromString(grace)));
        as("agent").queryParam("outcome", "error").get("/imports/" + id + "/rows").then().statusCode(200)
                .body("items.line", equalTo(List.of(4, 7)));

        // The ambiguous row names both contacts.
        String message = as("agent").get("/imports/" + id + "/errors").then().statusCode(200)
                .extract().path("items.find { it.line == 4 }.message");
        assertTrue(message.contains(twinA) && message.contains(twinB), message);

        // The same key and file: the same job, nothing done twice; another mode under that key is refused.
        submit(key, file, "UPSERT", csv).statusCode(202).body("id", equalTo(id)).body("updated", equalTo(2));
        assertEquals("1", one("select count(*) from contacts where external_id = ?", "crm-" + tag + "-2"));
        assertEquals("2", one("select count(*) from contact_points where contact_id = ?", UUID.fromString(ada)));
        submit(key, file, "create", csv).statusCode(422).body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void aContactCreatedInOneBatchIsMatchedFromALaterOne() throws Exception {
        // Tests write batches of 100 rows: line 150 is in the second batch, its match was committed by the first.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("given_name,family_name,email\n");
        for (int i = 2; i <= 151; i++) {
            csv.append(i == 151 ? "" : "P" + i).append(',').append(i == 151 ? "Late" : "").append(',')
                    .append(i == 151 ? "p2-" : "p" + i + "-").append(tag).append("@example.com\n");
        }
        String id = submit("k-" + tag, "batches-" + tag + ".csv", "UPSERT", csv.toString()).statusCode(202).extract().path("id");
        awaitCompleted(id);
        as("agent").get("/imports/" + id).then().body("created", equalTo(149)).body("updated", equalTo(1));
        assertEquals("P2 Late", one("select c.given_name || ' ' || c.family_name from contacts c join contact_points p on "
                + "p.contact_id = c.id where p.address = ?", "p2-" + tag + "@example.com"));
    }

    @Test
    void createModeRefusesAnExternalIdAlreadyHeldAndUnknownModesAreRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = submit("k1-" + tag, "a.csv", null, "given_name,external_id\nA,x-" + tag + "\n").statusCode(202)
                .body("mode", equalTo("CREATE")).extract().path("id");
        awaitCompleted(first);
        String second = submit("k2-" + tag, "b.csv", "create", "given_name,external_id\nB,x-" + tag + "\nC,y-" + tag + "\n")
                .statusCode(202).extract().path("id");
        awaitCompleted(second);
        as("agent").get("/imports/" + second).then().body("created", equalTo(1)).body("failed", equalTo(1));
        as("agent").get("/imports/" + second + "/errors").then().body("items[0].field", equalTo("external_id"))
                .body("items[0].message", containsString(one("select id from contacts where external_id = ?", "x-" + tag)));
        submit("k3-" + tag, "c.csv", "merge", "given_name\nA\n").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("mode"));
        as("agent").queryParam("outcome", "SOMETIMES").get("/imports/" + first + "/rows").then().statusCode(400)
                .body("errors.field", hasItem("outcome"));
        as("contact").get("/imports/" + first + "/rows").then().statusCode(403);
    }

    /** An upsert batch costs the same statements for 2 rows as for 100: lookups and writes are set-based. */
    @Test
    void anUpsertBatchCostsTheSameStatementsForTwoRowsAsForAHundred() throws Exception {
        ImportJob job = new ImportJob(UUID.randomUUID(), "count-" + UUID.randomUUID(), "count.csv", "unused", "-",
                ImportMode.UPSERT, ImportStatus.RUNNING, 1_000_000, 0, ImportJob.Counts.NONE, "test", Instant.now(), null, null,
                null, 0, 0);
        jobs.insert(job);
        long[] processed = {0};
        try (StatementCount count = StatementCount.of(dbUrl, dbUser, dbPassword)) {
            write(job, processed, batch(job, 4)); // warm: statements prepared
            java.util.Deque<Batch> twos = new java.util.ArrayDeque<>(List.of(batch(job, 2), batch(job, 2), batch(job, 2)));
            java.util.Deque<Batch> hundreds = new java.util.ArrayDeque<>(List.of(batch(job, 100), batch(job, 100), batch(job, 100)));
            long two = count.min(3, () -> write(job, processed, twos.pop()));
            long many = count.min(3, () -> write(job, processed, hundreds.pop()));
            System.out.printf("statements for an upsert batch: %d for 2 rows, %d for 100 rows%n", two, many);
            assertEquals(two, many);
        }
    }

    /** Half the rows match contacts created by the API (one each), half are new; every row brings a new phone. */
    private long nextLine = 2;

    private Batch batch(ImportJob job, int size) {
        List<ContactRow> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String email = "b" + UUID.randomUUID() + "@example.com";
            if (i % 2 == 0) {
                givenByPerson(email, "alice");
            }
            rows.add(new ContactRow(nextLine++, "B", "F", "B F", null, null, dev.rapport.contacts.contact.LifecycleStage.LEAD,
                    List.of("t"), null, null, List.of(new ContactRow.Point(dev.rapport.contacts.contactpoint.Channel.EMAIL, email,
                            dev.rapport.contacts.contactpoint.PointContext.WORK), new ContactRow.Point(
                            dev.rapport.contacts.contactpoint.Channel.PHONE, "+4479460" + (10000 + i),
                            dev.rapport.contacts.contactpoint.PointContext.WORK))));
        }
        Batch.Builder builder = new Batch.Builder(json.writerFor(dev.rapport.contacts.outbox.ContactPointChange.class), job, true);
        rows.forEach(r -> builder.add(new RowCheck.Checked(r, List.of()), r.line()));
        return builder.build(0, 0, 0, false);
    }

    private void write(ImportJob job, long[] processed, Batch batch) {
        batch.processedBefore = processed[0];
        try (Connection c = jobs.connection()) {
            BatchWriter.write(c, job.id(), ImportMode.UPSERT, batch, OrderedWrites.Turn.ALONE, outbox);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        processed[0] += batch.records;
    }
}
