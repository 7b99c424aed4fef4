package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The renewal tier report, through GraphQL only: a cohort imported with propensity scores, one more score from the
 * API, the real renewals recorded, and the report checking the tiers against the outcomes.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class RenewalReportTest {
    static final String PERIOD = "2026/27";

    @Test
    void theReportShowsWhetherTheScorePredictsRenewal() {
        String programme = ok(Suite.token("marketer"), """
                mutation { createProgramme(input: {name: "Season ticket", description: "Home games 2026/27"}) { id } }""")
                .getString("data.createProgramme.id");

        List<String> high = ids(4);
        List<String> middle = ids(3);
        List<String> low = ids(3);
        List<Map<String, Object>> rows = new ArrayList<>();
        high.forEach(c -> rows.add(Map.of("contactId", c, "score", 5)));
        middle.forEach(c -> rows.add(Map.of("contactId", c, "score", 3)));
        low.forEach(c -> rows.add(Map.of("contactId", c, "score", 1)));
        String importCohort = """
                mutation($p: ID!, $rows: [MemberRowInput]) { importProgrammeMembers(programmeId: $p, input: {period: "2026/27",
                  scoredBy: "model:renewal-v3", rows: $rows}) { rows membersAdded scoresRecorded } }""";
        JsonPath imported = ok(Suite.token("marketer"), importCohort, Map.of("p", programme, "rows", rows));
        assertEquals(10, imported.getInt("data.importProgrammeMembers.membersAdded"));
        assertEquals(0, ok(Suite.token("marketer"), importCohort, Map.of("p", programme, "rows", rows))
                .getInt("data.importProgrammeMembers.membersAdded"), "re-importing the same rows changes nothing");

        String late = UUID.randomUUID().toString();
        ok(Suite.token("marketer"), """
                mutation($p: ID!, $c: ID) { scoreMember(programmeId: $p, input: {contactId: $c, period: "2026/27", score: 5,
                  note: "asked about next season"}) { scoresRecorded } }""", Map.of("p", programme, "c", late));
        high.add(late);

        // the real renewals: four of five in tier 5 (three early), one of three in tier 3, none in tier 1: 5 of 11
        outcome(Suite.token("agent"), programme, high.get(0), "RENEWED_EARLY");
        outcome(Suite.token("agent"), programme, high.get(1), "RENEWED_EARLY");
        outcome(Suite.token("agent"), programme, high.get(2), "RENEWED_EARLY");
        outcome(Suite.token("agent"), programme, high.get(3), "RENEWED");
        outcome(Suite.token("agent"), programme, middle.get(0), "RENEWED");
        outcome(Suite.token("agent"), programme, middle.get(1), "LAPSED");
        outcome(Suite.token("agent"), programme, low.get(0), "LAPSED");
        outcome(Suite.token("agent"), programme, low.get(1), "LAPSED");

        JsonPath notMember = GraphQL.query(Suite.token("agent"), """
                mutation($p: ID!, $c: ID) { recordRenewalOutcome(programmeId: $p, input: {contactId: $c, period: "2026/27",
                  outcome: RENEWED}) }""", Map.of("p", programme, "c", UUID.randomUUID().toString()));
        assertEquals("rule-broken", notMember.getString("errors[0].extensions.code"), notMember::prettify);

        JsonPath report = ok(Suite.token("analyst"), """
                query($p: ID!) { renewalReport(programmeId: $p, period: "2026/27") { unscoredMembers
                  tiers { tier members renewedEarly renewed lapsed undecided renewalRate earlyRenewalRate lift }
                  total { members renewalRate } } }""", Map.of("p", programme));
        assertEquals(11, report.getInt("data.renewalReport.total.members"));
        assertRate("45.5", report.getString("data.renewalReport.total.renewalRate"));
        String tier5 = "data.renewalReport.tiers.find { it.tier == 5 }.";
        assertEquals(5, report.getInt(tier5 + "members"));
        assertEquals(1, report.getInt(tier5 + "undecided"));
        assertRate("80.0", report.getString(tier5 + "renewalRate"));
        assertRate("60.0", report.getString(tier5 + "earlyRenewalRate"));
        assertTrue(new BigDecimal(report.getString(tier5 + "lift")).compareTo(BigDecimal.ONE) > 0, report::prettify);
        String tier3 = "data.renewalReport.tiers.find { it.tier == 3 }.";
        assertRate("33.3", report.getString(tier3 + "renewalRate"));
        String tier1 = "data.renewalReport.tiers.find { it.tier == 1 }.";
        assertRate("0.0", report.getString(tier1 + "renewalRate"));
        assertTrue(new BigDecimal(report.getString(tier1 + "lift")).compareTo(BigDecimal.ONE) < 0);

        JsonPath csv = ok(Suite.token("analyst"), """
                query($p: ID!) { renewalReportCsv(programmeId: $p, period: "2026/27") { fileName content } }""", Map.of("p", programme));
        assertEquals("renewal-report-" + programme + "-2026-27.csv", csv.getString("data.renewalReportCsv.fileName"));
        List<String> lines = List.of(csv.getString("data.renewalReportCsv.content").split("\r\n"));
        assertEquals("tier,members,renewedEarly,renewed,lapsed,undecided,renewalRate,earlyRenewalRate,lift", lines.get(0));
        assertEquals("5,5,3,1,0,1,80.0,60.0,1.76", lines.get(5), csv::prettify);
        assertEquals("total,11,3,2,3,3,45.5,27.3,1.00", lines.get(6), csv::prettify);
        assertEquals("unscored,0,,,,,,,", lines.get(7), csv::prettify);
        JsonPath badPeriod = GraphQL.query(Suite.token("analyst"), """
                query($p: ID!) { renewalReportCsv(programmeId: $p, period: "next season") { content } }""", Map.of("p", programme));
        assertEquals("invalid-input", badPeriod.getString("errors[0].extensions.code"), badPeriod::prettify);
        assertEquals("period", badPeriod.getString("errors[0].extensions.problem.errors[0].field"), badPeriod::prettify);
    }

    private static void outcome(String token, String programme, String contact, String outcome) {
        JsonPath answer = ok(token, """
                mutation($p: ID!, $c: ID, $o: RenewalOutcome) { recordRenewalOutcome(programmeId: $p, input: {contactId: $c,
                  period: "2026/27", outcome: $o}) }""", Map.of("p", programme, "c", contact, "o", outcome));
        assertTrue(answer.getBoolean("data.recordRenewalOutcome"));
    }

    private static void assertRate(String expected, String actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), () -> expected + " vs " + actual);
    }

    private static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UUID.randomUUID().toString());
        }
        return out;
    }
}
