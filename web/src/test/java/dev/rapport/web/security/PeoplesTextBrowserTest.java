package dev.rapport.web.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static dev.rapport.web.testing.PeoplesText.IMG;
import static dev.rapport.web.testing.PeoplesText.SCRIPT;
import static dev.rapport.web.testing.PeoplesText.assertInert;

/**
 * Markup fed through every page that shows people's text — names, where an address came from, consultation and
 * initiative titles and descriptions, "we did" descriptions, "why not" messages from the person and from staff, case
 * problems — renders as text and never runs. Names in other scripts show unchanged.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class PeoplesTextBrowserTest {
    private static final String NAME = "أمينة 李 " + IMG;
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void markupInNamesAndCommentsStaysTextOnEveryPage() {
        Person person = Person.create(NAME, SCRIPT, new Person.Address("EMAIL", "xss@example.org", "PERSONAL",
                "PROVIDED_BY_CONTACT", "form " + SCRIPT));
        Scenarios.Consultation consultation = Scenarios.openConsultation("Plans " + SCRIPT,
                List.<String[]>of(new String[] {"Title " + IMG, "Description " + SCRIPT}));
        String invitation = Scenarios.invite(consultation, person);
        String caseId = Scenarios.resolvedCase(person, "Problem " + IMG + SCRIPT);

        context = Chromium.context(Chromium.DESKTOP, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/preferences");
        assertThat(page.locator("pc-addresses [data-address]")).hasCount(1);
        assertInert(page, watch, "أمينة 李 " + IMG, "form " + SCRIPT);

        page.navigate(RealSuite.webUrl() + "/me");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your requests"))).isVisible();
        assertInert(page, watch, "Problem " + IMG + SCRIPT);

        page.navigate(RealSuite.webUrl() + "/consultation/" + invitation);
        assertThat(page.locator("fieldset[data-initiative]")).hasCount(1);
        assertInert(page, watch, "Plans " + SCRIPT, "Title " + IMG, "Description " + SCRIPT);
        page.locator("fieldset[data-initiative]").first().getByLabel("Essential").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers (1)")).click();
        assertThat(page.getByText("Thank you")).isVisible();

        String followUp = Scenarios.publish(consultation.initiatives().get(0), "DONE", "We did " + IMG, person);
        page.navigate(RealSuite.webUrl() + "/follow-up/" + followUp);
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Tell us why not").fill("Why " + SCRIPT + IMG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(page.locator("[data-thread] li")).hasCount(1);
        String thread = person.call("query($id: ID!) { loopFollowUp(id: $id) { threadId } }", java.util.Map.of("id", followUp))
                .path("loopFollowUp").path("threadId").asText();
        Scenarios.staffReply(thread, "Staff " + IMG);
        page.reload();
        assertThat(page.locator("[data-thread] li")).hasCount(2);
        assertInert(page, watch, "We did " + IMG, "Why " + SCRIPT + IMG, "Staff " + IMG);

        page.navigate(RealSuite.webUrl() + "/case/" + caseId);
        assertThat(page.locator("rapport-case p.body")).isVisible();
        assertInert(page, watch, "Problem " + IMG + SCRIPT);

        page.navigate(RealSuite.webUrl() + "/rating/" + caseId);
        assertThat(page.locator("rapport-rating p.body")).isVisible();
        assertInert(page, watch, "Problem " + IMG + SCRIPT);
    }
}
