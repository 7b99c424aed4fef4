package dev.rapport.contacts.importing;

import static dev.rapport.contacts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {
    static final String HEADER = "given_name,family_name,display_name,owner,lifecycle_stage,tags,email,email_context,"
            + "email_2,phone,phone_region,phone_context";

    @Inject
    AgroalDataSource db;

    static RequestSpecification importer() {
        return as("marketer").contentType("text/csv");
    }

    static ValidatableResponse submit(String key, String fileName, byte[] csv) {
        return importer().header("Idempotency-Key", key).queryParam("fileName", fileName).body(csv).post("/imports").then();
    }

    static String awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                "COMPLETED".equals(as("analyst").get("/imports/" + id).then().statusCode(200).extract().path("status")));
        return id;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String one(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void importsRowsWithQuotingProvenanceAndOutboxVerbatim() throws Exception {
        String file = "people-" + UUID.randomUUID() + ".csv";
        String csv = HEADER + "\r\n"
                + "Ada,Lovelace,,alice,customer,VIP; engineering,Ada@Example.COM,work,,020 7946 0018,GB,personal\r\n"
                + "\"Grace\",\"Hopper\",\"Hopper, Grace \"\"Amazing\"\"\nRear Admiral\",bob,At Risk,,grace@example.org,,,,,\r\n"
                + "=HYPERLINK(\"\"),@SUM(A1),+cmd|' /C calc'!A0,-2+3,lead,,formula@example.org,PERSONAL,,,,\r\n";
        String id = submit("k-" + UUID.randomUUID(), file, utf8(csv)).statusCode(202)
                .header("Location", containsString("/imports/"))
                .body("total", equalTo(3)).body("fileName", equalTo(file)).body("createdBy", equalTo("test-marketer"))
                .extract().path("id");
        awaitCompleted(id);
        as("agent").get("/imports/" + id).then().body("processed", equalTo(3)).body("imported", equalTo(3))
                .body("failed", equalTo(0)).body("finishedAt", org.hamcrest.Matchers.notNullValue());

        assertEquals("Ada Lovelace|alice|CUSTOMER|{vip,engineering}", one("select c.display_name || '|' || c.owner || '|' || "
                + "c.lifecycle_stage || '|' || c.tags::text from contacts c join contact_points p on p.contact_id = c.id "
                + "where p.address = 'ada@example.com' and p.provenance_source = ?", file));
        assertEquals("EMAIL WORK IMPORTED,PHONE PERSONAL IMPORTED", one("select string_agg(p.channel || ' ' || p.context || ' ' "
                + "|| p.provenance, ',' order by p.channel) from contact_points p join contact_points e on e.contact_id = p.contact_id "
                + "where e.address = 'ada@example.com' and e.provenance_source = ?", file));
        assertEquals("+442079460018", one("select p.address from contact_points p join contact_points e on e.contact_id = p.contact_id "
                + "where e.address = 'ada@example.com' and e.provenance_source = ? and p.channel = 'PHONE'", file));
        assertEquals("Hopper, Grace \"Amazing\"\nRear Admiral|AT_RISK", one("select c.display_name || '|' || c.lifecycle_stage "
                + "from contacts c join contact_points p on p.contact_id = c.id where p.provenance_source = ? "
                + "and p.address = 'grace@example.org'", file));
        // Formula-looking cells are data: stored as given, neutralised only when exported.
        assertEquals("=HYPERLINK(\"\")|@SUM(A1)|+cmd|' /C calc'!A0|-2+3", one("select c.given_name || '|' || c.family_name "
                + "|| '|' || c.display_name || '|' || c.owner from contacts c join contact_points p on p.contact_id = c.id "
                + "where p.provenance_source = ? and p.address = 'formula@example.org'", file));
        assertEquals(4, count("select count(*) from contact_points where provenance_source = ?", file));
        assertEquals(4, count("select count(*) from outbox o join contact_points p on p.id = (o.payload::json->>'contactPointId')::uuid "
                + "where p.provenance_source = ? and o.payload::json->>'change' = 'ADDED' "
                + "and o.payload::json->>'provenance' = 'IMPORTED' and o.payload::json->>'provenanceSource' = ?", file, file));
    }

    @Test
    void brokenRowsAreReportedByLineAndFieldAndNotImportedAtAll() throws Exception {
        String file = "broken-" + UUID.randomUUID() + ".csv";
        String csv = HEADER + "\n"
                + "Good,One,,,,,good1@example.com,,,,,\n"                                  // line 2
                + "\"Multi\nLine\",Person,,,,,multi@example.com,,,,,\n"                   // line 3-4
                + "Bad,Email,,,,,not-an-email,,,020 7946 0019,GB,\n"                        // line 5: phone alone is fine
                + "Bad,Stage,,,VIP,,stage@example.com,,,,,\n"                               // line 6
                + "Dup,Address,,,,,dup@example.com,,DUP@example.com ,,,\n"                   // line 7
                + "Short,Row\n"                                                            // line 8
                + ",,,,,,,,,,,\n"                                                          // line 9: no name
                + "Two,Errors,,,,,x@,HOME,,,,\n"                                            // line 10
                + "Bad,Phone,,,,,,,,12,GB,\n"                                               // line 11
                + "Good,Two,,,,,good2@example.com,,,,,\n";                                  // line 12
        String id = submit("k-" + UUID.randomUUID(), file, utf8(csv)).statusCode(202).body("total", equalTo(10))
                .extract().path("id");
        awaitCompleted(id);
        as("agent").get("/imports/" + id).then().body("processed", equalTo(10)).body("imported", equalTo(3))
                .body("failed", equalTo(7));
        assertEquals(3, count("select count(*) from contact_points where provenance_source = ?", file));
        // Never half a row: the valid phone of line 5 was not imported without its contact's bad e-mail.
        assertEquals(0, count("select count(*) from contact_points where provenance_source = ? and channel = 'PHONE'", file));
        assertEquals(0, count("select count(*) from contacts where given_name in ('Bad', 'Dup', 'Short', 'Two') "
                + "and id in (select contact_id from contact_points where provenance_source = ?)", file));

        List<Map<String, Object>> errors = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("agent").queryParam("limit", 3).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/imports/" + id + "/errors").then().statusCode(200).extract().jsonPath();
            errors.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        List<String> where = errors.stream().map(e -> e.get("line") + ":" + e.get("field")).toList();
        assertEquals(List.of("5:email", "6:lifecycle_stage", "7:email_2", "8:row", "9:display_name", "10:email",
                "10:email_context", "11:phone"), where);
        assertTrue(errors.get(0).get("message").toString().contains("e-mail"));
        assertTrue(errors.get(2).get("message").toString().contains("repeats"));
        as("agent").queryParam("cursor", "garbage").get("/imports/" + id + "/errors").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void badHeaderBadUtf8AndMissingNamesAreRejectedUpFront() throws Exception {
        String key = "k-" + UUID.randomUUID();
        submit(key, "x.csv", utf8("given_name,shoe_size,email\nA,43,a@example.com\n")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("shoe_size"));
        submit(key, "x.csv", utf8("given_name,email,Email\n")).statusCode(400).body("errors.field", hasItem("email"));
        submit(key, "x.csv", utf8("owner,email\nbob,b@example.com\n")).statusCode(400).body("errors.field", hasItem("header"));
        byte[] latin1 = "given_name,email\nok,ok@example.com\nZo\u00eb,zoe@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
        submit(key, "x.csv", latin1).statusCode(400).body("errors.field", hasItem("line 3"))
                .body("detail", containsString("UTF-8"));
        submit(key, "x.csv", utf8("given_name\n\"unterminated\nrest\n")).statusCode(400).body("errors.field", hasItem("line 2"));
        submit(key, "x.csv", new byte[0]).statusCode(400).body("errors.field", hasItem("body"));
        importer().queryParam("fileName", "x.csv").body(utf8("given_name\nA\n")).post("/imports").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        importer().header("Idempotency-Key", key).body(utf8("given_name\nA\n")).post("/imports").then().statusCode(400)
                .body("errors.field", hasItem("fileName"));
        assertEquals(0, count("select count(*) from import_jobs where idempotency_key = ?", key));
        // A key whose earlier attempts were all refused is still free.
        submit(key, "x.csv", utf8("given_name\nA\n")).statusCode(202).body("total", equalTo(1));
    }

    @Test
    void fileNameMayComeFromContentDisposition() {
        String id = importer().header("Idempotency-Key", "k-" + UUID.randomUUID())
                .header("Content-Disposition", "attachment; filename=\"C:\\exports\\leads.csv\"")
                .body(utf8("given_name\nA\n")).post("/imports").then().statusCode(202)
                .body("fileName", equalTo("leads.csv")).extract().path("id");
        awaitCompleted(id);
    }

    @Test
    void aFileWithOnlyItsHeaderCompletesWithNothingImported() {
        String id = submit("k-" + UUID.randomUUID(), "empty.csv", utf8(HEADER + "\r\n")).statusCode(202)
                .body("total", equalTo(0)).extract().path("id");
        awaitCompleted(id);
        as("agent").get("/imports/" + id).then().body("processed", equalTo(0)).body("imported", equalTo(0));
    }

    @Test
    void resubmittingTheSameKeyReturnsTheSameJobWithoutDuplicates() throws Exception {
        String file = "again-" + UUID.randomUUID() + ".csv";
        String key = "k-" + UUID.randomUUID();
        byte[] csv = utf8(generated(file, 250));
        String id = submit(key, file, csv).statusCode(202).extract().path("id");
        submit(key, file, csv).statusCode(202).body("id", equalTo(id));
        awaitCompleted(id);
        submit(key, file, csv).statusCode(202).body("id", equalTo(id)).body("status", equalTo("COMPLETED"))
                .body("processed", equalTo(250));
        assertEquals(250 - 250 / 7, count("select count(*) from contacts c where exists (select 1 from contact_points p "
                + "where p.contact_id = c.id and p.provenance_source = ?)", file));
        submit(key, file, utf8(generated(file, 249))).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        submit(key, "other-name.csv", csv).statusCode(422);
    }

    @Test
    void rolesAreEnforced() {
        given().contentType("text/csv").header("Idempotency-Key", "k").queryParam("fileName", "a.csv")
                .body(utf8("given_name\nA\n")).post("/imports").then().statusCode(401);
        as("analyst").contentType("text/csv").header("Idempotency-Key", "k").queryParam("fileName", "a.csv")
                .body(utf8("given_name\nA\n")).post("/imports").then().statusCode(403);
        as("contact").get("/imports/" + UUID.randomUUID()).then().statusCode(403);
        as("agent").get("/imports/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    /** Rows numbered from 1; every 7th has an invalid e-mail, every 2nd a phone. */
    static String generated(String tag, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            String email = i % 7 == 0 ? "broken-" + i + "@" : "p" + i + "@" + tag.toLowerCase() + ".example.com";
            String phone = i % 2 == 0 ? "+44 20 7946 " + String.format("%04d", i % 10000) : "";
            csv.append("Given").append(i).append(",Family").append(i).append(",,owner").append(i % 5)
                    .append(",lead,batch;t").append(i % 3).append(',').append(email).append(",,,").append(phone)
                    .append(",,\n");
        }
        return csv.toString();
    }
}
