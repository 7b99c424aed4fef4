package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The preference centre: a contact sees only its own node and changes only its own consents and policy. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ContactRoleTest {
    static final String ADA = Tokens.forContact("c-ada");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void aContactSeesItself() {
        JsonPath answer = GraphQL.query(ADA, "{ me { id consents { purpose status } policy { preferredChannels } } }");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("c-ada", answer.getString("data.me.id"));
        assertEquals("GRANTED", answer.getString("data.me.consents[0].status"));
    }

    @Test
    void aContactCannotReadAnotherContact() {
        JsonPath answer = GraphQL.query(ADA, "{ contact(id: \"c-bob\") { id } }");
        assertNull(answer.get("data.contact"));
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertTrue(Stubs.contacts.calls().isEmpty());
    }

    @Test
    void aContactCannotSearch() {
        JsonPath answer = GraphQL.query(ADA, "{ contacts(first: 5) { nodes { id } } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    @Test
    void aContactSetsItsOwnLanguageOnly() {
        assertEquals("fr-CA", GraphQL.query(ADA, "{ me { language } }").getString("data.me.language"));
        Stubs.resetAll();
        JsonPath set = GraphQL.query(ADA, "mutation { setMyLanguage(language: \"ar\") { id language } }");
        assertNull(set.get("errors"), set::prettify);
        assertEquals("ar", set.getString("data.setMyLanguage.language"));
        assertEquals("PUT /contacts/c-ada/language {\"language\":\"ar\"}", Stubs.contacts.calls().get(0).method() + " "
                + Stubs.contacts.calls().get(0).path() + " " + Stubs.contacts.calls().get(0).body());

        JsonPath bad = GraphQL.query(ADA, "mutation { setMyLanguage(language: \"elvish\") { id } }");
        assertEquals("invalid-input", bad.getString("errors[0].extensions.code"), bad::prettify);
        assertEquals("language", bad.getString("errors[0].extensions.problem.errors[0].field"), bad::prettify);

        Stubs.resetAll();
        JsonPath staff = GraphQL.query(Tokens.forRoles("agent-1", "agent"), "mutation { setMyLanguage(language: \"ar\") { id } }");
        assertEquals("forbidden", staff.getString("errors[0].extensions.code"), staff::prettify);
        assertTrue(Stubs.contacts.calls().isEmpty());
    }

    @Test
    void aContactAsksWhetherItsOwnAddressesMayBeUsedAndNobodyElses() {
        JsonPath own = GraphQL.query(ADA, "{ me { decisions(purposes: [\"newsletter\", \"survey\"]) { purpose allowed reasons { code } } "
                + "mayContact(purpose: \"survey\") { allowed } } "
                + "decision(contactId: \"c-ada\", purpose: \"newsletter\", channel: EMAIL, contactPointId: \"p-c-ada\") { allowed } }");
        assertNull(own.get("errors"), own::prettify);
        assertEquals("newsletter", own.getString("data.me.decisions[0].purpose"));
        assertTrue(Stubs.consent.calls().stream().anyMatch(c -> c.path().equals("/decisions")));
        assertTrue(Stubs.consent.calls().stream().noneMatch(c -> c.path().equals("/decisions/bulk")), "one contact: no bulk call");

        Stubs.resetAll();
        JsonPath other = GraphQL.query(ADA, "{ decision(contactId: \"c-bob\", purpose: \"newsletter\") { allowed } }");
        assertEquals("forbidden", other.getString("errors[0].extensions.code"), other::prettify);
        assertTrue(Stubs.consent.calls().isEmpty());
    }

    @Test
    void eraseMeNeedsItsConfirmationAndErasesTheCallerEverywhere() {
        JsonPath unconfirmed = GraphQL.query(ADA, "mutation { eraseMe(confirmation: \"yes\") { erased } }");
        assertEquals("invalid-input", unconfirmed.getString("errors[0].extensions.code"), unconfirmed::prettify);
        assertEquals("confirmation", unconfirmed.getString("errors[0].extensions.problem.errors[0].field"));
        assertTrue(Stubs.contacts.calls().isEmpty() && Stubs.consent.calls().isEmpty() && Stubs.feedback.calls().isEmpty());

        var original = new java.util.ArrayList<java.util.function.Function<dev.rapport.gateway.testing.StubService.Request,
                dev.rapport.gateway.testing.StubService.Answer>>();
        for (var stub : java.util.List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
            original.add(stub.swap("POST", "/contacts/([^/]+)/erasure", r -> dev.rapport.gateway.testing.StubService.Answer.json("{}")));
        }
        try {
            JsonPath erased = GraphQL.query(ADA, "mutation { eraseMe(confirmation: \"ERASE\") { contactId erased services { service status } } }");
            assertNull(erased.get("errors"), erased::prettify);
            assertEquals("c-ada", erased.getString("data.eraseMe.contactId"));
            assertTrue(erased.getBoolean("data.eraseMe.erased"));
            for (var stub : java.util.List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
                assertEquals(1, stub.calls().stream().filter(c -> c.path().equals("/contacts/c-ada/erasure")).count());
            }
            JsonPath staff = GraphQL.query(Tokens.forRoles("admin-1", "admin"), "mutation { eraseMe(confirmation: \"ERASE\") { erased } }");
            assertEquals("forbidden", staff.getString("errors[0].extensions.code"), staff::prettify);
        } finally {
            int i = 0;
            for (var stub : java.util.List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
                stub.swap("POST", "/contacts/([^/]+)/erasure", original.get(i++));
            }
        }
    }

    @Test
    void aContactChangesOnlyItsOwnPolicy() {
        JsonPath own = GraphQL.query(ADA, "mutation { setPolicy(contactId: \"c-ada\", input: {preferredChannels: [SMS]}) { preferredChannels } }");
        assertNull(own.get("errors"), own::prettify);
        assertEquals("[SMS]", own.getList("data.setPolicy.preferredChannels").toString());

        Stubs.resetAll();
        JsonPath other = GraphQL.query(ADA, "mutation { setPolicy(contactId: \"c-bob\", input: {doNotContact: true}) { doNotContact } }");
        assertEquals("forbidden", other.getString("errors[0].extensions.code"), other::prettify);
        assertTrue(Stubs.consent.calls().isEmpty());
    }
}
