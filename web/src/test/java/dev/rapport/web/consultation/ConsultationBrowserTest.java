package dev.rapport.web.consultation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A person ranks a consultation's initiatives on a phone, with the keyboard alone. */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class ConsultationBrowserTest {
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void oneHundredTwentyFiveInitiativesRankedPartlyWithTheKeyboardAloneOnA360PxPhone() {
        List<String[]> initiatives = new ArrayList<>();
        for (int i = 1; i <= 125; i++) {
            initiatives.add(new String[] {"Initiative " + i, i % 10 == 0 ? "What initiative " + i + " would change" : null});
        }
        Scenarios.Consultation consultation = Scenarios.openConsultation("Our plans for 2027", initiatives);
        Person person = Person.create("Katherine", "Johnson", Person.givenEmail("katherine@example.org"));
        String invitation = Scenarios.invite(consultation, person);

        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/consultation/" + invitation);
        assertThat(page.locator("fieldset[data-initiative]")).hasCount(125);
        assertEquals(360, ((Number) page.evaluate("document.documentElement.clientWidth")).intValue());
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"),
                "nothing wider than the phone");

        // keyboard only: into the first initiative's radio group, arrows to choose, Tab onwards
        Locator first = page.locator("fieldset[data-initiative]").first();
        first.locator("input[type=radio]").first().focus();
        page.keyboard().press("Space");                 // Essential
        assertThat(first.getByLabel("Essential", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        page.keyboard().press("ArrowDown");             // Important
        assertThat(first.getByLabel("Important", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        page.keyboard().press("Tab");                   // the comment's summary
        page.keyboard().press("Enter");                 // opens it
        page.keyboard().press("Tab");
        page.keyboard().type("Please start with this one");
        page.keyboard().press("Tab");                   // leaves the comment: into initiative 2's group
        page.keyboard().press("ArrowDown");             // a radio group's first arrow picks the next choice
        page.keyboard().press("ArrowDown");
        Locator second = page.locator("fieldset[data-initiative]").nth(1);
        assertTrue(second.locator("input[type=radio]:checked").count() == 1, "the second initiative has an answer");
        String secondBucket = second.locator("input[type=radio]:checked").getAttribute("value");

        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("2 of 125 answered");
        page.getByLabel("Answer anonymously").focus();
        assertThat(page.getByText("Nobody, staff included, can see that they are yours.")).isVisible();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send my answers (2)")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Thank you: your answers on 2 ideas are recorded.")).isVisible();

        JsonNode priorities = Gql.as("marketer", """
                query($id: ID!) { priorities(consultationId: $id) { respondents initiatives { initiativeId ratings } } }""",
                Map.of("id", consultation.id())).path("priorities");
        assertEquals(1, priorities.path("respondents").asInt());
        assertEquals(1, Scenarios.find(priorities.path("initiatives"), "initiativeId", consultation.initiatives().get(0)).path("ratings").asInt());
        assertEquals(1, Scenarios.find(priorities.path("initiatives"), "initiativeId", consultation.initiatives().get(1)).path("ratings").asInt());
        assertEquals(0, Scenarios.find(priorities.path("initiatives"), "initiativeId", consultation.initiatives().get(2)).path("ratings").asInt());
        JsonNode mine = person.call("query { me { consultationResponses { nodes { ratings { initiativeId bucket comment } } } } }", Map.of())
                .path("me").path("consultationResponses").path("nodes").path(0).path("ratings");
        JsonNode firstRating = Scenarios.find(mine, "initiativeId", consultation.initiatives().get(0));
        assertEquals("IMPORTANT", firstRating.path("bucket").asText());
        assertEquals("Please start with this one", firstRating.path("comment").asText());
        assertEquals(secondBucket, Scenarios.find(mine, "initiativeId", consultation.initiatives().get(1)).path("bucket").asText());
        assertEquals(List.of(), watch.problems());
    }

    @Test
    void anAnonymousAnswerIsNotKeptUnderThePersonsName() {
        Scenarios.Consultation consultation = Scenarios.openConsultation("Opening hours",
                List.<String[]>of(new String[] {"Open on Sundays", null}, new String[] {"Open later", null}));
        Person person = Person.create("Dorothy", "Vaughan", Person.givenEmail("dorothy@example.org"));
        String invitation = Scenarios.invite(consultation, person);
        context = Chromium.context(Chromium.DESKTOP, "en-GB");
        Page page = context.newPage();
        person.logIn(page, "/consultation/" + invitation);
        page.locator("fieldset[data-initiative]").first().getByLabel("Essential").check();
        page.getByLabel("Answer anonymously").check();
        assertThat(page.getByText("We keep your address only to send you what we decide")).isVisible();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send my answers (1)")).click();
        assertThat(page.getByText("Since you did not leave a way to reach you")).isVisible();

        assertEquals(1, Gql.as("marketer", "query($id: ID!) { priorities(consultationId: $id) { respondents } }",
                Map.of("id", consultation.id())).path("priorities").path("respondents").asInt());
        assertEquals(0, person.call("query { me { consultationResponses { nodes { id } } } }", Map.of())
                .path("me").path("consultationResponses").path("nodes").size(), "nothing under the person's name");
    }
}
