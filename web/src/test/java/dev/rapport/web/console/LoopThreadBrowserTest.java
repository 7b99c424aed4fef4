package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Locator;

import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Closing the loop, as staff read a "why not" thread in their own language: the person's words as they wrote them, and
 * their "no" as the label of the staff member's language, never English glued to the words.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class LoopThreadBrowserTest {
    @Test
    void staffReadThePersonsWordsWithTheAnswerInTheirOwnLanguage() {
        Scenarios.Consultation consultation = Scenarios.openConsultation("Horaires", List.<String[]>of(new String[] {"Ouvrir le dimanche", null}));
        Person person = Person.create("Claire", "Martin", Person.givenEmail("claire@example.org"));
        Scenarios.respond(person, Scenarios.invite(consultation, person), consultation.initiatives().get(0), "ESSENTIAL", null);
        String followUp = Scenarios.publish(consultation.initiatives().get(0), "WILL_DO", "Ouvert le dimanche dès mars", person);
        person.call("mutation($id: ID!) { answerFollowUp(id: $id, input: {answer: NO, why: \"Je travaille le dimanche\"}) { id } }",
                Map.of("id", followUp));

        for (String[] language : List.of(new String[] {"fr-FR", "Non"}, new String[] {"ar", "لا"})) {
            try (StaffSession s = StaffSession.logIn("marketer", language[0])) {
                try {
                    s.open("/staff/consultations/" + consultation.id() + "?tab=loop");
                    Locator message = s.page.locator("rapport-loop article p").filter(new Locator.FilterOptions()
                            .setHasText("Je travaille le dimanche"));
                    assertThat(message.locator("[data-answer]")).hasText(language[1]);
                    assertThat(message.locator("bdi")).hasText("Je travaille le dimanche");
                    assertThat(message).not().containsText("No:");
                    s.screenshot("console-loop-thread-" + language[0]);
                    assertEquals(List.of(), s.problems());
                } catch (AssertionError | RuntimeException e) {
                    throw s.explain(e);
                }
            }
        }
    }
}
