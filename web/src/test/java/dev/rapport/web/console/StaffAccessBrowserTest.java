package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

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
    private static final List<String> MARKETER_VIEWS = List.of("/staff/consultations", "/staff/outreach", "/staff/renewals",
            "/staff/segments", "/staff/segments/00000000-0000-7000-8000-000000000001");

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
            for (String path : concat(List.of("/staff"), AGENT_VIEWS, MARKETER_VIEWS, List.of("/staff/reports", "/staff/purposes", "/staff/webhooks"))) {
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

    private static void notAvailable(Page page, String path) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
