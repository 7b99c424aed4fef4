package dev.rapport.web.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * "Does this work for you?": the page (and the person's list) names the initiative; a NO with why, staff answer in the thread, the person reads
 * it later and answers. The person's words stay as they wrote them, the "No" beside them in the page's language.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class FollowUpBrowserTest {
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aNoWithWhyOpensAThreadThePersonReadsAndAnswersLater() {
        Scenarios.Consultation consultation = Scenarios.openConsultation("Opening hours",
                List.<String[]>of(new String[] {"Open later", null}));
        Person person = Person.create("Hedy", "Lamarr", Person.givenEmail("hedy@example.org"));
        String invitation = Scenarios.invite(consultation, person);
        Scenarios.respond(person, invitation, consultation.initiatives().get(0), "ESSENTIAL", null);
        String followUp = Scenarios.publish(consultation.initiatives().get(0), "DONE", "Open until 20:00 from January", person);

        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/follow-up/" + followUp);
        assertThat(page.getByText("Open until 20:00 from January")).isVisible();
        assertThat(page.locator("[data-initiative]")).hasText("About: Open later");
        assertThat(page.getByText("It is done.")).isVisible();
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Tell us why not").fill("I work until 20:00, so I still cannot come");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(page.getByText("Your answer: No")).isVisible();
        Locator thread = page.locator("[data-thread] li");
        assertThat(thread).hasCount(1);
        assertThat(thread.first()).containsText("I work until 20:00, so I still cannot come");
        assertThat(thread.first().locator("[data-answer]")).hasText("No");
        assertThat(thread.first().locator(".body")).hasText("I work until 20:00, so I still cannot come");

        JsonNode answered = person.call("query($id: ID!) { loopFollowUp(id: $id) { answer threadId } }", Map.of("id", followUp))
                .path("loopFollowUp");
        assertEquals("NO", answered.path("answer").asText());
        Scenarios.staffReply(answered.path("threadId").asText(), "We open until 22:00 on Saturdays: would that help?");

        // later: the person comes back to the same page and reads the answer
        page.reload();
        assertThat(page.locator("[data-thread] li")).hasCount(2);
        assertThat(page.locator("[data-thread] li").nth(1)).containsText("We open until 22:00 on Saturdays");
        assertThat(page.locator("[data-thread] li").nth(1)).containsText("Us");
        page.getByLabel("Your message").fill("Saturday works, thank you");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the message")).click();
        assertThat(page.locator("[data-thread] li")).hasCount(3);
        JsonNode messages = person.call("query($id: ID!) { whyNotThread(id: $id) { messages { nodes { body fromStaff } } } }",
                Map.of("id", answered.path("threadId").asText())).path("whyNotThread").path("messages").path("nodes");
        assertEquals("Saturday works, thank you", messages.path(2).path("body").asText());
        shoot(page, "follow-up-thread-en-360");

        // the person's list of questions names each one by its initiative: the first and the one staff's answer asked
        page.navigate(dev.rapport.web.testing.RealSuite.webUrl() + "/me");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open later").setExact(true))).hasCount(2);
        assertEquals(List.of(), watch.problems());
    }

    @Test
    void inArabicThePageNamesTheInitiativeAndTheAnswerIsInArabicBesideThePersonsWords() {
        Scenarios.Consultation consultation = Scenarios.openConsultation("ساعات العمل",
                List.<String[]>of(new String[] {"فتح المتجر يوم الجمعة مساءً وحتى وقت متأخر من الليل", null}));
        Person person = Person.create("Salma", "Haddad", Person.givenEmail("salma@example.org"));
        String invitation = Scenarios.invite(consultation, person);
        Scenarios.respond(person, invitation, consultation.initiatives().get(0), "ESSENTIAL", null);
        String followUp = Scenarios.publish(consultation.initiatives().get(0), "DONE", "مفتوح حتى الساعة 22:00", person);

        context = Chromium.context(Chromium.PHONE, "ar");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/follow-up/" + followUp);
        assertThat(page.locator("[data-initiative]")).hasText("بخصوص: فتح المتجر يوم الجمعة مساءً وحتى وقت متأخر من الليل");
        page.getByLabel("لا", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#why").fill("أعمل حتى الساعة 23:00");
        page.locator("form button[type=submit]").first().click();
        Locator first = page.locator("[data-thread] li").first();
        assertThat(first.locator("[data-answer]")).hasText("لا");
        assertThat(first.locator(".body")).hasText("أعمل حتى الساعة 23:00");
        assertThat(page.locator("[data-thread]")).not().containsText("No");
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"),
                "fits 360 px");
        assertEquals(List.of(), watch.problems());
        shoot(page, "follow-up-thread-ar-360");
    }

    /** What the person sees, to look at ({@code web/target/screenshots}). */
    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of(System.getProperty("rapport.screenshots", "target/screenshots")).resolve(name + ".png")));
    }
}
