package dev.rapport.web.renewal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

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
 * An early-renewal offer as its member lives it: a marketer sends the offer to a programme's top tier; the e-mail
 * arrives; its link opens the offer's page without a login, in the person's language, and the session it opened reads
 * that offer and nothing else.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#deliveryAvailable")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class RenewalOfferBrowserTest {
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theOfferEmailsLinkOpensTheOfferForThatMemberOnly() throws Exception {
        String address = "renew-" + System.nanoTime() + "@example.org";
        Person person = Person.create("Noor", "Haddad", Person.givenEmail(address));
        Person other = Person.create("Omar", "Other", Person.givenEmail("other-" + System.nanoTime() + "@example.org"));
        // consent-service must know both addresses before the offer asks for them
        for (Person p : List.of(person, other)) {
            Scenarios.await(() -> Gql.as("agent", "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }",
                    Map.of("id", p.contactId())).path("contactPointFacts"), facts -> facts.size() > 0);
        }
        person.call("""
                mutation($id: ID!) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: "renewal-offers", channel: EMAIL,
                  source: PREFERENCE_CENTRE}) { id } }""", Map.of("id", person.contactId()));
        String programme = Gql.as("marketer", "mutation($in: ProgrammeInput!) { createProgramme(input: $in) { id } }",
                Map.of("in", Map.of("name", "Season ticket <Club>"))).path("createProgramme").path("id").asText();
        Gql.as("marketer", "mutation($p: ID!, $in: MemberImportInput!) { importProgrammeMembers(programmeId: $p, input: $in) { rows } }",
                Map.of("p", programme, "in", Map.of("period", "2027/28", "scoredBy", "model:test", "rows", List.of(
                        Map.of("contactId", person.contactId(), "score", 5), Map.of("contactId", other.contactId(), "score", 1)))));
        String offer = Gql.as("marketer", "mutation($p: ID!, $in: RenewalOfferInput!) { sendRenewalOffer(programmeId: $p, input: $in) { id } }",
                Map.of("p", programme, "in", Map.of("period", "2027/28", "tiers", List.of(5), "channel", "EMAIL")))
                .path("sendRenewalOffer").path("id").asText();

        String link = new Mailbox(address).awaitLink("RENEWAL_OFFER");
        context = Chromium.context(Chromium.PHONE, "fr-FR");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        page.navigate(link);
        page.waitForURL(url -> url.startsWith(RealSuite.webUrl() + "/renewal-offer/" + offer));
        assertFalse(page.url().contains("#"), "the link's token left the address: " + page.url());
        assertThat(page.getByText("Votre offre de renouvellement anticipé")).isVisible();
        assertThat(page.locator("[data-offer] h2")).hasText("Season ticket <Club>");
        assertThat(page.locator("[data-offer]")).containsText("vous pouvez renouveler pour 2027/28");
        assertEquals(List.of(), watch.problems());

        // the session the link opened reads this offer only: not the person's preferences, not another offer
        String session = (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('rapport.session')).access");
        assertEquals("forbidden", code(Gql.answer(session, "query { me { policy { doNotContact } } }", Map.of())));
        assertEquals("forbidden", code(Gql.answer(session, "query($id: ID!) { myRenewalOffer(id: $id) { id } }",
                Map.of("id", java.util.UUID.randomUUID().toString()))));
        // the other member was not in the offer's tier: for them the offer does not exist (a read of a missing thing is
        // null without an error, docs/gateway.md "Errors")
        com.fasterxml.jackson.databind.JsonNode theirs = Gql.answer(Gql.token(other.username()),
                "query($id: ID!) { myRenewalOffer(id: $id) { id } }", Map.of("id", offer));
        assertTrue(theirs.path("errors").isMissingNode() && theirs.path("data").has("myRenewalOffer")
                && theirs.path("data").path("myRenewalOffer").isNull(), theirs.toString());
    }

    private static String code(com.fasterxml.jackson.databind.JsonNode answer) {
        return answer.path("errors").path(0).path("extensions").path("code").asText();
    }
}
