package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import dev.rapport.demo.DemoData;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each role's main path through the staff console, first on a suite without the demo data (every view opens, says
 * there is nothing yet, and has no accessibility violation), then on the demo data (docs/demo.md): the agent works
 * contacts, a contact's 360, the work queue, cases, duplicates and an import; the marketer a consultation, outreach
 * and renewals; the analyst the reports; the admin the purposes.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class StaffConsoleBrowserTest {
    /** Each role's views, heading and address, in the order walked. */
    private static final List<Map.Entry<String, List<String>>> VIEWS = List.of(
            Map.entry("agent", List.of("Contacts:/staff/contacts", "When to act:/staff/signals", "Cases:/staff/cases",
                    "Likely duplicates:/staff/merge", "Import contacts:/staff/import")),
            Map.entry("marketer", List.of("Consultations:/staff/consultations", "Outreach:/staff/outreach", "Renewals:/staff/renewals")),
            Map.entry("analyst", List.of("Reports:/staff/reports")),
            Map.entry("admin", List.of("Purposes:/staff/purposes")));

    @Test
    void everyRoleWalksItsViewsOnAnEmptySuiteThenOnTheDemoData() {
        for (var role : VIEWS) {
            try (StaffSession s = StaffSession.logIn(role.getKey())) {
                for (String view : role.getValue()) {
                    String[] v = view.split(":");
                    s.open(v[1]).heading(v[0]);
                    s.page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                    assertEquals(List.of(), s.page.locator("p.notice.error").allInnerTexts(),
                            role.getKey() + " " + v[1] + "; the browser reported " + s.problems());
                    s.accessible(v[1] + " (empty)");
                }
                assertEquals(List.of(), s.problems(), role.getKey());
            }
        }

        Suite suite = RealSuite.suite();
        Map<String, String> demo = DemoData.loadWithKeycloak(suite.oidcUrl(), suite.url(Suite.CONTACTS), suite.url(Suite.CONSENT),
                suite.url(Suite.FEEDBACK));

        agent();
        agentInFrench();
        marketer(demo.get("consultationId"));
        analyst();
        admin();
    }

    private void agent() {
        walk(StaffSession.logIn("agent"), s -> {
            Page page = s.page;
            s.navigate("Contacts").heading("Contacts");
            Locator rows = page.locator("rapport-contacts tbody tr");
            assertThat(rows).hasCount(100);
            s.accessible("contacts");
            s.screenshot("console-contacts");
            page.getByLabel("Provenance").selectOption("ENRICHMENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Page 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Page 2");

            rows.first().getByRole(AriaRole.LINK).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("May we contact them?"))).isVisible();
            Locator addresses = page.locator("section", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Addresses and where they came from"))));
            assertThat(addresses).containsText("Bought from a vendor");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What they told us"))).isVisible();
            s.accessible("contact 360");
            s.screenshot("console-contact-360");

            s.navigate("When to act").heading("When to act");
            Locator first = page.locator("rapport-signals li").first();
            assertThat(first).isVisible();
            s.accessible("signals");
            s.screenshot("console-signals");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
            assertThat(page.locator("rapport-signals p.notice.ok")).containsText("Done:");

            s.navigate("Cases").heading("Cases");
            assertThat(page.locator("rapport-cases .figure").first()).not().hasText("–");
            assertThat(page.locator("rapport-cases tbody tr").first()).isVisible();
            s.accessible("cases");
            s.screenshot("console-cases");
            page.onceDialog(d -> d.accept("Refunded the second charge"));
            page.locator("rapport-cases tbody tr").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolved")).click();
            assertThat(page.locator("rapport-cases p.notice.ok")).containsText("Marked resolved");

            s.navigate("Duplicates").heading("Likely duplicates");
            Locator pairs = page.locator("rapport-merge tbody tr");
            assertThat(pairs.first()).isVisible();
            pairs.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.locator("rapport-merge section")).containsText("Given by the person");
            s.accessible("merge preview");
            s.screenshot("console-merge");
            page.locator("rapport-merge section").getByRole(AriaRole.BUTTON).first().click();
            assertThat(page.locator("rapport-merge p.notice.ok")).containsText("Merged into");

            s.navigate("Import").heading("Import contacts");
            String csv = "given_name,family_name,email\nMina,Okafor,mina.okafor@example.net\nBad,Row,not-an-address\n";
            page.locator("rapport-import input[type=file]").setInputFiles(new FilePayload("trade-show.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
            assertThat(page.locator("rapport-import section")).containsText("2 of 2 rows: 1 imported, 1 not imported.");
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Download the rows not imported (CSV)")).click());
            String errors = read(download);
            assertTrue(errors.startsWith("line,field,message") && errors.contains("3,email,"), errors);
            s.accessible("import");
            s.screenshot("console-import");
            assertEquals(List.of(), s.problems());
        });
    }

    /** The agent's two main views once more, in French, for the screenshots (the walk itself is above). */
    private void agentInFrench() {
        walk(StaffSession.logIn("agent", "fr-FR"), s -> {
            Page page = s.page;
            s.navigate("Contacts").heading("Contacts");
            assertThat(page.locator("rapport-contacts tbody tr")).hasCount(100);
            s.screenshot("console-contacts-fr");
            page.locator("rapport-contacts tbody tr").first().getByRole(AriaRole.LINK).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Coordonnées et leur origine"))).isVisible();
            s.screenshot("console-contact-360-fr");
            assertEquals(List.of(), s.problems());
        });
    }

    private void marketer(String consultationId) {
        walk(StaffSession.logIn("marketer"), s -> {
            Page page = s.page;
            s.navigate("Consultations").heading("Consultations");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Our water network, 2027–2032")).click();
            assertThat(page.locator("rapport-consultation-admin")).containsText("125 initiatives");
            Locator priorities = page.locator("rapport-priorities");
            assertThat(priorities.locator("tbody tr")).hasCount(25);
            assertThat(priorities.locator("rapport-chart")).isVisible();
            String before = priorities.locator("tbody tr").first().innerText();
            s.accessible("priorities");
            s.screenshot("console-priorities");
            priorities.getByLabel("Segment (key:value, …)").fill("region:north");
            priorities.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter")).click();
            assertThat(priorities.locator("tbody tr").first()).not().hasText(before);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite")).click();
            Locator invite = page.locator("rapport-invite");
            invite.getByLabel("Tag", new Locator.GetByLabelOptions().setExact(true)).fill("vip");
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
            assertThat(invite).containsText("We may reach");
            assertThat(invite.locator("table")).containsText("Address not given by the person");
            s.accessible("invite preview");
            s.screenshot("console-invite");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("We did / we won't")).click();
            Locator publish = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish to those who rated it"));
            assertThat(publish).hasCount(3);
            publish.first().click();
            assertThat(page.locator("rapport-consultation-admin p.notice.ok")).containsText("Sent to");
            s.screenshot("console-actions");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Closing the loop")).click();
            Locator loop = page.locator("rapport-loop");
            assertThat(loop.locator("article").first()).isVisible();
            s.accessible("loop");
            s.screenshot("console-loop");
            loop.locator("article").first().getByLabel("Reply").fill("Your street is in the second phase, from March.");
            loop.locator("article").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the reply")).click();
            assertThat(loop.locator("p.notice.ok")).containsText("Reply sent.");

            s.navigate("Outreach").heading("Outreach");
            page.getByLabel("Purpose").selectOption("newsletter");
            page.getByLabel("Campaign").first().fill("browser-test-newsletter");
            page.getByLabel("Tag", new Page.GetByLabelOptions().setExact(true)).fill("vip");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.locator("rapport-outreach")).containsText("We may reach");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Queue for the")).click();
            assertThat(page.locator("rapport-outreach p.notice.ok")).containsText("queued");
            assertThat(page.locator("rapport-outreach section").last().locator("tbody tr").first()).isVisible();
            s.accessible("outreach");
            s.screenshot("console-outreach");

            s.navigate("Renewals").heading("Renewals");
            assertThat(page.locator("rapport-tier-report tbody tr")).hasCount(5);
            assertThat(page.locator("rapport-renewals section").last().locator("tbody tr")).hasCount(1);
            s.accessible("renewals");
            s.screenshot("console-renewals");
            assertEquals(List.of(), s.problems());
        });
    }

    private void analyst() {
        walk(StaffSession.logIn("analyst", "fr-FR"), s -> {
            Page page = s.page;
            s.navigate("Rapports").heading("Rapports");
            assertThat(page.locator("rapport-tier-report tbody tr")).hasCount(5);
            assertThat(page.locator("rapport-reports rapport-chart")).hasCount(5);
            // the demo's five staff and three touchpoints; other tests of the suite may have added rows of their own
            for (String staff : List.of("agent", "sam.taylor", "lea.martin", "omar.haddad", "jo.smith")) {
                assertThat(page.locator("rapport-reports section").nth(1).locator("tbody tr").filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText(staff))).not().hasCount(0);
            }
            for (String touchpoint : List.of("gate 4", "club shop", "ticket office")) {
                assertThat(page.locator("rapport-reports section").nth(3).locator("tbody tr").filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText(touchpoint))).not().hasCount(0);
            }
            s.accessible("reports");
            s.screenshot("console-reports");
            assertEquals(List.of(), s.problems());
        });
    }

    private void admin() {
        walk(StaffSession.logIn("admin"), s -> {
            Page page = s.page;
            s.navigate("Purposes").heading("Purposes");
            Locator rows = page.locator("rapport-purposes tbody tr");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("survey"))).hasCount(1);
            int before = rows.count();
            Locator form = page.locator("rapport-purposes section form");
            form.getByLabel("Code").fill("events");
            form.getByLabel("Description").fill("Invitations to club events");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
            assertThat(page.locator("rapport-purposes p.notice.ok")).containsText("Saved \"events\".");
            assertThat(rows).hasCount(before + 1);
            s.accessible("purposes");
            s.screenshot("console-purposes");
            assertEquals(List.of(), s.problems());
        });
    }

    /** A role's path in its own session; a failure says where the page was and what the browser reported. */
    private static void walk(StaffSession session, java.util.function.Consumer<StaffSession> path) {
        try (StaffSession s = session) {
            try {
                path.accept(s);
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
