package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.platform.testing.Tokens;
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
    void aContactChangesOnlyItsOwnPolicy() {
        JsonPath own = GraphQL.query(ADA, "mutation { setPolicy(contactId: \"c-ada\", input: {preferredChannels: [\"SMS\"]}) { preferredChannels } }");
        assertNull(own.get("errors"), own::prettify);
        assertEquals("[SMS]", own.getList("data.setPolicy.preferredChannels").toString());

        Stubs.resetAll();
        JsonPath other = GraphQL.query(ADA, "mutation { setPolicy(contactId: \"c-bob\", input: {doNotContact: true}) { doNotContact } }");
        assertEquals("forbidden", other.getString("errors[0].extensions.code"), other::prettify);
        assertTrue(Stubs.consent.calls().isEmpty());
    }
}
