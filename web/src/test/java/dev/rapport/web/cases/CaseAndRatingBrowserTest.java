package dev.rapport.web.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** "Was your problem solved?" answered no (the case reopens), then yes; then 1–5 stars for it. */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class CaseAndRatingBrowserTest {
    private static final String CASE = "query($id: ID!) { case(id: $id) { status reopenCount confirmedAt } }";
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void notSolvedReopensTheCaseSolvedConfirmsItAndTheStarsAreRecorded() {
        Person person = Person.create("Rosalind", "Franklin", Person.givenEmail("rosalind@example.org"));
        String caseId = Scenarios.resolvedCase(person, "My invoice shows my old address");
        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/case/" + caseId);
        assertThat(page.getByText("My invoice shows my old address")).isVisible();

        page.getByLabel("No, it is not solved").check();
        page.getByLabel("Anything to add? (optional)").fill("The new invoice still has the old street");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByText("Your request is open again")).isVisible();
        JsonNode reopened = Gql.as("agent", CASE, Map.of("id", caseId)).path("case");
        assertEquals("OPEN", reopened.path("status").asText());
        assertEquals(1, reopened.path("reopenCount").asInt());
        assertThat(page.getByText("We are still working on it.")).isVisible();

        Scenarios.resolve(caseId);
        page.reload();
        page.getByLabel("Yes, it is solved").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByText("Your request is closed as solved.")).isVisible();
        assertEquals("CONFIRMED", Gql.as("agent", CASE, Map.of("id", caseId)).path("case").path("status").asText());

        page.navigate(RealSuite.webUrl() + "/rating/" + caseId);
        page.getByLabel("4 out of 5 stars").check();
        assertThat(page.getByText("You chose 4 out of 5.")).isVisible();
        page.getByLabel("A comment (optional)").fill("Quick and kind");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my rating")).click();
        assertThat(page.getByText("Thank you for your 4-star rating.")).isVisible();
        JsonNode rating = person.call("query { me { ratings { nodes { stars subjectId subjectType comment } } } }", Map.of())
                .path("me").path("ratings").path("nodes").path(0);
        assertEquals(4, rating.path("stars").asInt());
        assertEquals(caseId, rating.path("subjectId").asText());
        assertEquals("Quick and kind", rating.path("comment").asText());
        assertEquals(List.of(), watch.problems());
    }
}
