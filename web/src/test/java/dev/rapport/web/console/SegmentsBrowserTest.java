package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A marketer keeps saved audiences on the Segments page: a filter segment previewed and saved, its count and members a
 * page at a time, changed and deleted; a list from a file (repeats, unknown ids and a bad line said); a
 * consultation's invitation and a renewal offer take the segment as their audience. The page in Arabic and on a phone.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class SegmentsBrowserTest {
    private static final int PEOPLE = 22;
    private static final Locator.GetByTextOptions EXACT = new Locator.GetByTextOptions().setExact(true);
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String tag = "seg-" + suffix;

    @Test
    void theMarketerSavesSegmentsAndInvitesOne() {
        List<String> ids = contacts();
        Scenarios.Consultation consultation = Scenarios.openConsultation("Segment walk " + suffix,
                List.<String[]>of(new String[] {"Longer opening hours", null}));
        try (StaffSession s = StaffSession.logIn("marketer")) {
            try {
                // the contact search, whose filters a segment saves: the tag finds this test's people
                s.navigate("Contacts").heading("Contacts");
                Locator search = s.page.locator("rapport-contacts form");
                search.getByLabel("Tag", new Locator.GetByLabelOptions().setExact(true)).fill(tag);
                search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();
                assertThat(s.page.locator("rapport-contacts tbody tr")).hasCount(PEOPLE);

                s.navigate("Segments").heading("Segments");
                Locator page = s.page.locator("rapport-segments");

                // a filter: previewed before it is saved
                Locator form = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("New filter segment"));
                form.getByLabel("Tag", new Locator.GetByLabelOptions().setExact(true)).fill(tag);
                form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
                assertThat(page.getByText(PEOPLE + " contacts now", EXACT)).isVisible();
                assertThat(page.locator("section ul li")).not().hasCount(0);
                form.getByLabel("Segment name").fill("Regulars " + suffix);
                form.getByLabel("Description").first().fill("Everyone tagged " + tag);
                form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save segment")).click();
                assertThat(page.locator("p.notice.ok")).containsText("Segment “Regulars " + suffix + "” saved.");
                Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Regulars " + suffix));
                assertThat(row).containsText("Tag: " + tag);
                s.accessible("segments");
                s.screenshot("console-segments");

                // its count and members, 20 a page
                row.getByRole(AriaRole.LINK).click();
                s.heading("Regulars " + suffix);
                Locator one = s.page.locator("rapport-segment");
                assertThat(one.getByText(PEOPLE + " contacts now", EXACT)).isVisible();
                Locator members = one.locator("section").first().locator("tbody tr");
                assertThat(members).hasCount(20);
                one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next page")).click();
                assertThat(members).hasCount(PEOPLE - 20);
                one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous page")).click();
                assertThat(members).hasCount(20);
                s.accessible("a segment");
                s.screenshot("console-segment");

                // changed: the stage narrows it to the two leads; the version moves on
                Locator change = one.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Change the segment"));
                assertThat(change.getByLabel("Tag", new Locator.GetByLabelOptions().setExact(true))).hasValue(tag);
                change.getByLabel("Stage").selectOption("LEAD");
                change.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                assertThat(one.locator("p.notice.ok")).containsText("changed");
                assertThat(one.getByText("2 contacts now", EXACT)).isVisible();
                assertThat(members).hasCount(2);
                JsonNode saved = segmentNamed("Regulars " + suffix);
                assertEquals(2, saved.path("version").asInt());
                assertEquals("LEAD", saved.path("filter").path("stage").asText());
                String segmentId = saved.path("id").asText();

                // the invitation takes the segment: its members when it is sent, the segment and version recorded
                s.open("/staff/consultations/" + consultation.id());
                s.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite")).click();
                Locator invite = s.page.locator("rapport-invite");
                invite.getByLabel("Audience").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Regulars " + suffix));
                invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
                assertThat(invite).containsText("of 2 people");
                invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite these 2 people")).click();
                assertThat(invite.locator("p.notice.ok")).isVisible();
                JsonNode invitations = Gql.as("marketer", """
                        query($id: ID!) { consultationInvitations(consultationId: $id, first: 50) { nodes { contactId segmentId segmentVersion } } }""",
                        Map.of("id", consultation.id())).path("consultationInvitations").path("nodes");
                assertEquals(2, invitations.size(), invitations.toString());
                invitations.forEach(i -> {
                    assertEquals(segmentId, i.path("segmentId").asText());
                    assertEquals(2, i.path("segmentVersion").asInt());
                });

                // a renewal offer narrowed to the segment: its two leads among the tier's three undecided members
                String programme = Gql.as("marketer", "mutation($in: ProgrammeInput!) { createProgramme(input: $in) { id } }",
                        Map.of("in", Map.of("name", "Club " + suffix))).path("createProgramme").path("id").asText();
                Gql.as("marketer", "mutation($p: ID!, $in: MemberImportInput!) { importProgrammeMembers(programmeId: $p, input: $in) { rows } }",
                        Map.of("p", programme, "in", Map.of("period", "2031/32", "scoredBy", "model:test", "rows",
                                ids.subList(0, 3).stream().map(id -> Map.of("contactId", id, "score", 5)).toList())));
                s.open("/staff/renewals");
                Locator renewals = s.page.locator("rapport-renewals");
                // the select by its role: the tier chart's description also says "Programme rate"
                renewals.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Programme")))
                        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Club " + suffix + " (3)"));
                assertThat(renewals.getByText("Offer early renewal for 2031/32 to")).isVisible();
                // the tier chart says in words what it draws, from the same figures; not echarts' generated text
                // ("This is a chart…", NaN for the empty tiers)
                Locator chart = renewals.locator("rapport-tier-report [role=img]");
                assertThat(chart).hasAttribute("aria-label", "Renewal rate per propensity tier, 2031/32: 1 star: no members, "
                        + "2 stars: no members, 3 stars: no members, 4 stars: no members, 5 stars: 0 %. The programme as a whole: 0 %.");
                renewals.getByLabel("Audience").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Regulars " + suffix));
                renewals.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the offer")).click();
                assertThat(renewals.locator("p.notice.ok")).hasText("Offer sent to 2 members (consent decides per person).");

                // outreach to the segment: consent-service decides and queues every member (reachOfSegment, requestOutreachForSegment)
                s.open("/staff/outreach");
                Locator outreach = s.page.locator("rapport-outreach");
                Locator request = outreach.locator("form").first();
                request.getByLabel("Purpose").selectOption("survey");
                request.getByLabel("Campaign").fill("segment-walk-" + suffix);
                request.getByLabel("Audience").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Regulars " + suffix));
                request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
                assertThat(outreach).containsText("We may reach 2 of 2 people.");
                outreach.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Queue for the 2 we may reach")).click();
                assertThat(outreach.locator("p.notice.ok")).hasText("2 of 2 queued; the others were refused with their reasons.");

                // a list from a file: a header, two people, one of them twice, an id that names nobody
                s.navigate("Segments");
                Locator list = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("New list from a file"));
                list.getByLabel("Segment name").fill("Call-backs " + suffix);
                String csv = "contact_id,note\n" + ids.get(0) + ",first\n" + ids.get(1) + "\n" + ids.get(0) + ",again\n"
                        + UUID.randomUUID() + "\n";
                list.getByLabel("File (CSV or NDJSON)").setInputFiles(new FilePayload("call-backs.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)));
                list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload the list")).click();
                assertThat(page.locator("p.notice.ok")).containsText(
                        "The list holds 2 contacts; 1 ids named nobody and 1 were repeated.");
                assertEquals("STATIC", segmentNamed("Call-backs " + suffix).path("kind").asText());

                // a file with a line that is no id: said, and nothing saved
                list.getByLabel("Segment name").fill("Broken " + suffix);
                list.getByLabel("File (CSV or NDJSON)").setInputFiles(new FilePayload("broken.ndjson", "application/x-ndjson",
                        ("{\"contactId\": \"" + ids.get(0) + "\"}\n\"" + ids.get(1) + "\"\nnot-an-id\n").getBytes(StandardCharsets.UTF_8)));
                list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload the list")).click();
                assertThat(page.getByRole(AriaRole.ALERT)).hasText("Line 3 of the file is not a contact id. Nothing was saved.");
                assertEquals(null, segmentNamed("Broken " + suffix));

                // deleted, after a confirmation
                page.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Call-backs " + suffix).setExact(true)).click();
                s.heading("Call-backs " + suffix);
                one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete the segment")).click();
                one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete “Call-backs " + suffix + "” for good")).click();
                s.heading("Segments");
                assertThat(page.getByText("Regulars " + suffix)).isVisible();
                assertThat(page.getByText("Call-backs " + suffix)).hasCount(0);
                assertEquals(null, segmentNamed("Call-backs " + suffix));
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    @Test
    void theSegmentsPageInArabicAndOnAPhone() {
        contacts();
        Gql.as("marketer", "mutation($in: SegmentInput!) { createSegment(input: $in) { id } }",
                Map.of("in", Map.of("name", "عملاء " + suffix, "kind", "FILTER", "filter", Map.of("tags", List.of(tag)))));
        StaffSession.inArabicAndOnAPhone("marketer", "/staff/segments", "الشرائح", "Segments", "عملاء " + suffix, "console-segments");
    }

    /**
     * PEOPLE contacts tagged for this test; the first two are leads with an e-mail address they gave and their yes to
     * surveys by e-mail (so an invitation may reach them). Answers their ids.
     */
    private List<String> contacts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Map<String, Object> input = new java.util.HashMap<>(Map.of("givenName", "Member" + i, "familyName", "Segment " + suffix,
                    "tags", List.of(tag), "lifecycleStage", i < 2 ? "LEAD" : "CUSTOMER"));
            if (i < 2) {
                input.put("contactPoints", List.of(Person.givenEmail("member" + i + "-" + suffix + "@example.org").input()));
            }
            ids.add(Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }", Map.of("in", input))
                    .path("createContact").path("id").asText());
        }
        for (String lead : ids.subList(0, 2)) {
            Scenarios.await(() -> Gql.as("agent", "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }",
                    Map.of("id", lead)).path("contactPointFacts"), facts -> facts.size() > 0);
            Gql.as("agent", """
                    mutation($id: ID!) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: "survey", channel: EMAIL,
                      source: AGENT}) { id } }""", Map.of("id", lead));
        }
        return ids;
    }

    private JsonNode segmentNamed(String name) {
        for (JsonNode s : Gql.as("marketer", "{ segments(first: 100) { nodes { id name kind version filter { stage tags } } } }", Map.of())
                .path("segments").path("nodes")) {
            if (name.equals(s.path("name").asText())) {
                return s;
            }
        }
        return null;
    }
}
