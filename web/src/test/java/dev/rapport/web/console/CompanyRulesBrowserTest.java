package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The admin keeps the company's quiet dates and quiet hours on the Company rules page: adds them, is told next to the
 * field what the API refused, changes them and removes them; what the page shows is what consent-service holds.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class CompanyRulesBrowserTest {
    private static final String RULES = """
            { companyRules { quietDates { id name startDate endDate channel } quietHours { id channel start end fallbackTimeZone } } }""";
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theAdminAddsChangesAndRemovesQuietDatesAndQuietHours() {
        try (StaffSession s = StaffSession.logIn("admin")) {
            try {
                s.navigate("Company rules").heading("Company rules");
                Locator page = s.page.locator("rapport-company-rules");

                // quiet dates: the end before the start is refused by the API, and said beside "To"
                Locator addDates = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Add quiet dates"));
                addDates.getByLabel("Name").fill("Winter break " + suffix);
                addDates.getByLabel("From").fill("2031-12-24");
                addDates.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("2031-12-20");
                addDates.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add quiet dates")).click();
                Locator endDate = addDates.locator("input[name=endDate]");
                assertThat(endDate).hasAttribute("aria-invalid", "true");
                assertThat(addDates.locator("#" + endDate.getAttribute("aria-describedby"))).hasText("must not be before startDate");
                assertThat(addDates.locator("input[name=startDate]")).hasAttribute("aria-invalid", "false");

                endDate.fill("2031-12-26");
                addDates.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add quiet dates")).click();
                assertThat(page.locator("p.notice.ok")).hasText("Rule saved.");
                Locator datesRow = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Winter break " + suffix));
                assertThat(datesRow).containsText("2031-12-26");
                assertThat(endDate).hasAttribute("aria-invalid", "false");

                // changed in place: its own form, filled with what it holds
                datesRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change Winter break " + suffix)).click();
                Locator editDates = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Change Winter break " + suffix));
                assertThat(editDates.getByLabel("Name")).hasValue("Winter break " + suffix);
                editDates.getByLabel("Name").fill("Winter closure " + suffix);
                editDates.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("2031-12-31");
                editDates.getByLabel("Channel").selectOption("EMAIL");
                editDates.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                Locator closureRow = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Winter closure " + suffix));
                assertThat(closureRow).containsText("2031-12-31");
                assertThat(closureRow).containsText("E-mail");
                assertThat(editDates).hasCount(0);
                JsonNode dates = quietDates();
                assertEquals("2031-12-31", dates.path("endDate").asText());
                assertEquals("EMAIL", dates.path("channel").asText());

                // quiet hours: a zone that is not one is refused beside the zone
                Locator addHours = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Add quiet hours"));
                addHours.getByLabel("Channel").selectOption("WHATSAPP");
                addHours.getByLabel("From").fill("21:00");
                addHours.getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("08:00");
                addHours.getByLabel("Zone if the person gave none").fill("Mars/Olympus");
                addHours.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add quiet hours")).click();
                Locator zone = addHours.locator("input[name=fallbackTimeZone]");
                assertThat(zone).hasAttribute("aria-invalid", "true");
                assertThat(addHours.locator("#" + zone.getAttribute("aria-describedby"))).containsText("IANA time zone");
                s.accessible("company rules, a refused field");

                zone.fill("Europe/Paris");
                addHours.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add quiet hours")).click();
                Locator hoursRow = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Europe/Paris"));
                assertThat(hoursRow).containsText("21:00");

                hoursRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change 21:00–08:00")).click();
                Locator editHours = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Change 21:00–08:00"));
                editHours.getByLabel("From").fill("22:30");
                editHours.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                assertThat(hoursRow).containsText("22:30");
                assertEquals("22:30", quietHours().path("start").asText());
                s.accessible("company rules");
                s.screenshot("console-company-rules");

                // removed
                hoursRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove 22:30–08:00")).click();
                assertThat(hoursRow).hasCount(0);
                closureRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove Winter closure " + suffix)).click();
                assertThat(closureRow).hasCount(0);
                assertEquals(0, quietDatesNamed().size());
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    @Test
    void theCompanyRulesPageInArabicAndOnAPhone() {
        Gql.as("admin", "mutation($in: CompanyQuietDatesInput!) { createCompanyQuietDates(input: $in) { id } }",
                Map.of("in", Map.of("name", "عيد " + suffix, "startDate", "2031-04-01", "endDate", "2031-04-03")));
        Gql.as("admin", "mutation($in: CompanyQuietHoursInput!) { createCompanyQuietHours(input: $in) { id } }",
                Map.of("in", Map.of("channel", "WHATSAPP", "start", "21:00", "end", "08:00", "fallbackTimeZone", "Europe/Paris")));
        StaffSession.inArabicAndOnAPhone("admin", "/staff/company-rules", "قواعد الشركة", "Company rules", "عيد " + suffix,
                "console-company-rules");
    }

    /** What a failed run left behind would change other tests' decisions: removed whatever happened. */
    @AfterEach
    void removeWhatThisTestMade() {
        JsonNode rules = Gql.as("admin", RULES, Map.of()).path("companyRules");
        for (JsonNode d : quietDatesNamed()) {
            Gql.as("admin", "mutation($id: ID!) { deleteCompanyQuietDates(id: $id) }", Map.of("id", d.path("id").asText()));
        }
        for (JsonNode h : rules.path("quietHours")) {
            if ("WHATSAPP".equals(h.path("channel").asText())) {
                Gql.as("admin", "mutation($id: ID!) { deleteCompanyQuietHours(id: $id) }", Map.of("id", h.path("id").asText()));
            }
        }
    }

    private List<JsonNode> quietDatesNamed() {
        JsonNode rules = Gql.as("admin", RULES, Map.of()).path("companyRules");
        List<JsonNode> mine = new java.util.ArrayList<>();
        rules.path("quietDates").forEach(d -> {
            if (d.path("name").asText().endsWith(suffix)) {
                mine.add(d);
            }
        });
        return mine;
    }

    private JsonNode quietDates() {
        return quietDatesNamed().get(0);
    }

    private JsonNode quietHours() {
        for (JsonNode h : Gql.as("admin", RULES, Map.of()).path("companyRules").path("quietHours")) {
            if ("WHATSAPP".equals(h.path("channel").asText())) {
                return h;
            }
        }
        throw new AssertionError("no quiet hours on WhatsApp");
    }
}
