package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each role reaches only the views docs/roles.md gives it: the navigation offers nothing else, and an address typed by
 * hand answers "Not available" instead of the view.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class StaffAccessBrowserTest {
    private static final List<String> AGENT_VIEWS = List.of("/staff/contacts", "/staff/signals", "/staff/cases", "/staff/merge",
            "/staff/import");
    private static final List<String> MARKETER_VIEWS = List.of("/staff/consultations", "/staff/outreach", "/staff/renewals");
    private static final List<String> SEGMENT_VIEWS = List.of("/staff/segments", "/staff/segments/00000000-0000-7000-8000-000000000001");

    @Test
    void anAnalystCannotReachAgentOrMarketerViewsByAddressButReadsTheReports() {
        try (StaffSession analyst = StaffSession.logIn("analyst")) {
            for (String path : concat(AGENT_VIEWS, MARKETER_VIEWS, List.of("/staff/contacts/00000000-0000-7000-8000-000000000001",
                    "/staff/purposes", "/staff/company-rules", "/staff/webhooks"))) {
                notAvailable(analyst.open(path).page, path);
            }
            assertThat(analyst.page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Contacts"))).hasCount(0);
            analyst.navigate("Reports").heading("Reports");
        }
    }

    @Test
    void aCustomerCannotReachAnyStaffView() {
        try (StaffSession contact = StaffSession.logIn("contact")) {
            for (String path : concat(List.of("/staff"), AGENT_VIEWS, MARKETER_VIEWS, SEGMENT_VIEWS, List.of("/staff/reports", "/staff/purposes", "/staff/webhooks"))) {
                notAvailable(contact.open(path).page, path);
            }
        }
    }

    @Test
    void anAgentAndAMarketerEachSeeTheirOwnViewsOnly() {
        try (StaffSession agent = StaffSession.logIn("agent")) {
            for (String path : concat(MARKETER_VIEWS, List.of("/staff/reports", "/staff/purposes", "/staff/webhooks"))) {
                notAvailable(agent.open(path).page, path);
            }
            agent.open("/staff/cases").heading("Cases");
        }
        try (StaffSession marketer = StaffSession.logIn("marketer")) {
            for (String path : List.of("/staff/cases", "/staff/merge", "/staff/import", "/staff/reports", "/staff/purposes",
                    "/staff/company-rules", "/staff/webhooks")) {
                notAvailable(marketer.open(path).page, path);
            }
            marketer.open("/staff/consultations").heading("Consultations");
        }
    }

    @Test
    void anAgentAndAnAnalystReadSegmentsButDoNotChangeThem() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String tag = "read-" + suffix;
        Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }", Map.of("in", Map.of(
                "givenName", "Reader", "familyName", "Segment " + suffix, "tags", List.of(tag))));
        String name = "Read only " + suffix;
        Gql.as("marketer", "mutation($in: SegmentInput!) { createSegment(input: $in) { id } }",
                Map.of("in", Map.of("name", name, "kind", "FILTER", "filter", Map.of("tags", List.of(tag)))));
        for (String role : List.of("agent", "analyst")) {
            try (StaffSession s = StaffSession.logIn(role)) {
                try {
                    s.navigate("Segments").heading("Segments");
                    Locator list = s.page.locator("rapport-segments");
                    assertThat(list.getByText("you can read them")).isVisible();
                    assertThat(list.getByRole(AriaRole.FORM)).hasCount(0);
                    list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
                    s.heading(name);
                    Locator one = s.page.locator("rapport-segment");
                    assertThat(one.getByText("1 contact now", new Locator.GetByTextOptions().setExact(true))).isVisible();
                    Locator member = one.locator("tbody tr");
                    assertThat(member).hasCount(1);
                    assertThat(member).containsText("Reader Segment " + suffix);
                    // an agent opens the member's page from here; an analyst, who reads no contact pages, sees the name
                    assertThat(member.getByRole(AriaRole.LINK)).hasCount("agent".equals(role) ? 1 : 0);
                    assertThat(one.getByRole(AriaRole.FORM)).hasCount(0);
                    assertThat(one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete the segment"))).hasCount(0);
                    assertEquals(List.of(), s.problems());
                } catch (AssertionError | RuntimeException e) {
                    throw s.explain(e);
                }
            }
        }
    }

    private static void notAvailable(Page page, String path) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
