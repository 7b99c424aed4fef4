package dev.rapport.web.loop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.rapport.web.testing.Mailbox;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consultation loop as a person lives it, through e-mail: a marketer invites; the invitation arrives (delivery,
 * SMTP); its link opens the consultation without a login; the person ranks; the marketer publishes "we did"; the
 * notice arrives; its link opens "does this work for you?"; the person says no and why; staff see the thread and
 * answer; the person reads the answer from the next e-mail. And an anonymous answer that nothing links back.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#deliveryAvailable")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class EmailLoopBrowserTest {
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** A fresh browser (no login anywhere) opening a link from an e-mail; the token leaves the address at once. */
    private Page openFromEmail(String link, String expectedPath) {
        if (context != null) {
            context.close();
        }
        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        page.navigate(link);
        page.waitForURL(url -> url.startsWith(RealSuite.webUrl() + expectedPath));
        assertFalse(page.url().contains("#"), "the link's token left the address: " + page.url());
        assertEquals(Boolean.FALSE, page.evaluate("document.referrer.includes('#') || location.href.includes('#')"));
        return page;
    }

    @Test
    void invitedByEmailRankedSaidNoReadTheAnswer() throws Exception {
        String address = "loop-" + System.nanoTime() + "@example.org";
        Person person = Person.create("Lin", "Loop", Person.givenEmail(address));
        Mailbox inbox = new Mailbox(address);
        Scenarios.Consultation consultation = Scenarios.openConsultation("Our shop in 2027",
                List.<String[]>of(new String[] {"Open on Sundays", null}, new String[] {"A bigger car park", null}));
        String invitation = Scenarios.invite(consultation, person);

        Page page = openFromEmail(inbox.awaitLink("CONSULTATION"), "/consultation/" + invitation);
        PageWatch watch = PageWatch.on(page);
        assertThat(page.getByText("Our shop in 2027")).isVisible();
        page.locator("fieldset[data-initiative]").first().getByLabel("Essential").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers (1)")).click();
        assertThat(page.getByText("Thank you: your answers on 1 idea are recorded.")).isVisible();
        assertEquals(List.of(), watch.problems());

        String followUp = Scenarios.publish(consultation.initiatives().get(0), "WILL_DO", "Open 10:00–16:00 on Sundays from March", person);
        page = openFromEmail(inbox.awaitLink("FOLLOW_UP"), "/follow-up/" + followUp);
        assertThat(page.getByText("Open 10:00–16:00 on Sundays from March")).isVisible();
        assertThat(page.locator("[data-initiative]")).hasText("About: Open on Sundays");
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Tell us why not").fill("I work on Sundays until 15:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(page.locator("[data-thread] li")).hasCount(1);

        // staff see the thread and answer it
        JsonNode threads = Gql.as("agent", """
                query($c: ID!) { whyNotThreads(consultationId: $c, status: OPEN, first: 100) {
                  nodes { id contactId messages { nodes { body answer fromStaff } } } } }""",
                Map.of("c", consultation.id())).path("whyNotThreads").path("nodes");
        JsonNode thread = Scenarios.find(threads, "contactId", person.contactId());
        assertEquals("I work on Sundays until 15:00", thread.path("messages").path("nodes").path(0).path("body").asText(), thread.toString());
        assertEquals("NO", thread.path("messages").path("nodes").path(0).path("answer").asText(), thread.toString());
        Scenarios.staffReply(thread.path("id").asText(), "We will stay open until 17:00: does that work?");

        // the answer asks again by e-mail ("does it work for you now?", a follow-up of its own on the same thread); its
        // link shows the thread with staff's answer
        page = openFromEmail(inbox.awaitLink("FOLLOW_UP"), "/follow-up/");
        assertThat(page.locator("[data-thread] li")).hasCount(2);
        assertThat(page.locator("[data-thread] li").nth(1)).containsText("We will stay open until 17:00");
    }

    @Test
    void anAnonymousAnswerFromAnEmailLinkIsCountedAndNotLinkedToThePerson() throws Exception {
        String address = "anon-" + System.nanoTime() + "@example.org";
        Person person = Person.create("Ana", "Nonymous", Person.givenEmail(address));
        Scenarios.Consultation consultation = Scenarios.openConsultation("Delivery options",
                List.<String[]>of(new String[] {"Evening delivery", null}));
        String invitation = Scenarios.invite(consultation, person);
        Page page = openFromEmail(new Mailbox(address).awaitLink("CONSULTATION"), "/consultation/" + invitation);
        page.locator("fieldset[data-initiative]").first().getByLabel("Important").first().check();
        page.getByLabel("Answer anonymously").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers (1)")).click();
        assertThat(page.getByText("Your answers are anonymous.")).isVisible();

        JsonNode priorities = Gql.as("marketer", "query($id: ID!) { priorities(consultationId: $id) { respondents initiatives { ratings } } }",
                Map.of("id", consultation.id())).path("priorities");
        assertEquals(1, priorities.path("respondents").asInt());
        assertEquals(1, priorities.path("initiatives").path(0).path("ratings").asInt());
        JsonNode staffView = Gql.as("admin", "query($id: ID!) { contact(id: $id) { consultationResponses { nodes { id } } } }",
                Map.of("id", person.contactId())).path("contact");
        assertEquals(0, staffView.path("consultationResponses").path("nodes").size(), "no response under the person's name");
        assertTrue(person.call("query { me { invitations { nodes { id responded } } } }", Map.of()).path("me").path("invitations").path("nodes")
                .path(0).path("responded").asBoolean(), "the invitation only knows it was answered");
    }
}
