package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * A contact's 360 shows the first page of each long list (cases here) and reads on with "Show more" until the whole
 * list is there, each case once, newest first.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class Contact360BrowserTest {
    private static final int CASES = 13;

    @Test
    void theAgentReadsALongListOfCasesPageByPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String id = Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }",
                Map.of("in", Map.of("givenName", "Many", "familyName", "Cases " + suffix))).path("createContact").path("id").asText();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String problem = "Problem " + i + " of " + suffix;
            Gql.as("agent", "mutation($in: CaseInput!) { openCase(input: $in) { id } }",
                    Map.of("in", Map.of("contactId", id, "problem", problem, "channel", "PHONE")));
            problems.add(0, problem);
        }
        try (StaffSession s = StaffSession.logIn("agent")) {
            try {
                s.open("/staff/contacts/" + id);
                Locator cases = s.page.locator("section", new Page.LocatorOptions().setHas(s.page.getByRole(AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Cases").setExact(true)))).locator("li");
                assertThat(cases).hasCount(10);
                Locator more = s.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show more: Cases"));
                more.click();
                assertThat(cases).hasCount(CASES);
                assertThat(more).hasCount(0);
                assertEquals(problems, cases.locator("bdi").allInnerTexts(), "newest first, each case once");
                s.accessible("contact 360 with more cases");
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }
}
