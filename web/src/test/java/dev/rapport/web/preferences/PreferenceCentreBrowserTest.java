package dev.rapport.web.preferences;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A person logs in and manages how Rapport may contact them; every change is read back from the services. */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class PreferenceCentreBrowserTest {
    private static final String STATE = """
            query($id: ID!) { contact(id: $id) {
              consents { purpose channel contactPointId status source }
              policy { quietHoursStart quietHoursEnd timeZone maxTouches windowDays doNotContact }
              consentLedger(first: 20) { nodes { kind purpose channel source } } } }""";

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aPersonSeesWhereEachAddressCameFromAndThatABoughtNumberIsNotUsed() {
        Person person = Person.create("Ada", "Lovelace", Person.givenEmail("ada@example.org"),
                Person.boughtPhone("+33612345678", "DataBrokerCo"));
        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/preferences");

        Locator addresses = page.locator("pc-addresses [data-address]");
        assertThat(addresses).hasCount(2);
        Locator email = addresses.filter(new Locator.FilterOptions().setHasText("ada@example.org"));
        assertThat(email).containsText("You gave it to us (signup-form)");
        assertThat(email.getByText("You gave us this address")).isVisible();
        Locator phone = addresses.filter(new Locator.FilterOptions().setHasText("+33612345678"));
        assertThat(phone).containsText("Bought from the data vendor “DataBrokerCo”");
        assertThat(phone.locator("[data-not-usable]")).containsText("Not usable.");
        assertThat(email.locator("[data-not-usable]")).hasCount(0);
        assertEquals(List.of(), watch.problems());
    }

    @Test
    void allowingAChannelAndSettingQuietHoursGoThroughTheLedgerAndThePolicy() {
        Person person = Person.create("Grace", "Hopper", Person.givenEmail("grace@example.org"));
        context = Chromium.context(Chromium.DESKTOP, "en-GB");
        Page page = context.newPage();
        PageWatch watch = PageWatch.on(page);
        person.logIn(page, "/preferences");

        Locator newsletter = page.locator("pc-consents fieldset[data-purpose=newsletter]");
        Locator byEmail = newsletter.getByLabel("Yes, by E-mail");
        assertThat(byEmail).not().isChecked();
        byEmail.check();
        assertThat(page.locator("pc-consents")).containsText("Saved: yes to “newsletter” by E-mail.");
        newsletter.getByText("History (1)").click();
        assertThat(newsletter.locator("ol.history li").first()).containsText("via this page");

        Locator rules = page.locator("pc-rules");
        rules.getByLabel("No messages during these hours").check();
        rules.getByLabel("From").fill("22:00");
        rules.getByLabel("To").fill("07:30");
        rules.getByLabel("In your time zone").selectOption("Europe/Paris");
        rules.getByLabel("At most (messages)").fill("3");
        rules.getByLabel("Every (days)").fill("14");
        rules.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save my rules")).click();
        assertThat(rules).containsText("Your rules are saved.");

        JsonNode contact = staffView(person);
        JsonNode grant = find(contact.path("consents"), "newsletter", "EMAIL");
        assertEquals("GRANTED", grant.path("status").asText(), contact.toPrettyString());
        assertEquals("PREFERENCE_CENTRE", grant.path("source").asText());
        JsonNode policy = contact.path("policy");
        assertEquals("22:00", policy.path("quietHoursStart").asText());
        assertEquals("07:30", policy.path("quietHoursEnd").asText());
        assertEquals("Europe/Paris", policy.path("timeZone").asText());
        assertEquals(3, policy.path("maxTouches").asInt());
        assertEquals(14, policy.path("windowDays").asInt());

        // a reload shows what the services hold, not what the page remembered
        page.reload();
        assertThat(page.locator("pc-consents fieldset[data-purpose=newsletter]").getByLabel("Yes, by E-mail")).isChecked();
        assertThat(page.locator("pc-rules").getByLabel("From")).hasValue("22:00");

        page.locator("pc-consents fieldset[data-purpose=newsletter]").getByLabel("Yes, by E-mail").uncheck();
        assertThat(page.locator("pc-consents")).containsText("Saved: no more “newsletter” by E-mail.");
        assertEquals("WITHDRAWN", find(staffView(person).path("consents"), "newsletter", "EMAIL").path("status").asText());
        assertEquals(List.of(), watch.problems());
    }

    @Test
    void notNowUntilADayIsAnObjectionUntilThatDay() {
        Person person = Person.create("Alan", "Turing", Person.givenEmail("alan@example.org"));
        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        person.logIn(page, "/preferences");
        Locator marketing = page.locator("pc-consents fieldset[data-purpose=marketing]");
        marketing.getByLabel("Not now, until").fill("2099-06-01");
        marketing.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause until this day")).click();
        assertThat(page.locator("pc-consents fieldset[data-purpose=marketing]")).containsText("Paused until");
        JsonNode ledger = staffView(person).path("consentLedger").path("nodes");
        assertTrue(ledger.toString().contains("\"kind\":\"OBJECT\",\"purpose\":\"marketing\""), ledger.toString());
    }

    @Test
    void downloadMyDataGivesEverythingEachServiceHolds() throws Exception {
        Person person = Person.create("Mary", "Jackson", Person.givenEmail("mary@example.org"));
        context = Chromium.context(Chromium.DESKTOP, "en-GB");
        Page page = context.newPage();
        person.logIn(page, "/preferences");
        Download download = page.waitForDownload(() -> page.locator("pc-data")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download my data")).click());
        assertEquals("rapport-my-data.json", download.suggestedFilename());
        JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(download.path()));
        assertEquals(person.contactId(), file.path("contactId").asText());
        assertTrue(file.path("services").size() >= 3, file.toString());
        assertTrue(file.toString().contains("mary@example.org"), "contacts-service's part holds the address");
    }

    @Test
    void eraseMeAsksForConfirmationSaysWhatStaysAndErases() {
        Person person = Person.create("Erin", "Erased", Person.givenEmail("erin@example.org"));
        context = Chromium.context(Chromium.PHONE, "en-GB");
        Page page = context.newPage();
        person.logIn(page, "/preferences");
        Locator data = page.locator("pc-data");
        data.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase my data…")).click();
        assertThat(data).containsText("Kept as proof, without your name or any address");
        data.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase my data now")).click();
        assertThat(data).containsText("Tick the box to confirm.");
        data.getByLabel("I understand; erase my data").check();
        data.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase my data now")).click();
        assertThat(data).containsText("Your data has been erased.");
        JsonNode after = dev.rapport.web.testing.Gql.as("admin", "query($id: ID!) { contact(id: $id) { id contactPoints { address } } }",
                Map.of("id", person.contactId())).path("contact");
        assertTrue(after.isNull() || after.path("contactPoints").isEmpty(), "nothing left to reach the person: " + after);
    }

    private static JsonNode staffView(Person person) {
        return dev.rapport.web.testing.Gql.as("admin", STATE, Map.of("id", person.contactId())).path("contact");
    }

    private static JsonNode find(JsonNode consents, String purpose, String channel) {
        for (JsonNode c : consents) {
            if (purpose.equals(c.path("purpose").asText()) && channel.equals(c.path("channel").asText())
                    && c.path("contactPointId").isNull()) {
                return c;
            }
        }
        throw new AssertionError("No " + purpose + "/" + channel + " consent in " + consents);
    }
}
