package dev.rapport.web.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;

/**
 * A customer for one test: a contact in contacts-service (with the addresses given) and a realm user with role
 * {@code contact} whose token carries that contact's id, so tests never share a person.
 */
public record Person(String contactId, String username) {

    /** An address as contacts-service takes it: channel, address, context, provenance kind and source. */
    public record Address(String channel, String address, String context, String provenance, String source) {
        public Map<String, Object> input() {
            return Map.of("channel", channel, "address", address, "context", context,
                    "provenance", Map.of("kind", provenance, "source", source));
        }
    }

    public static Address givenEmail(String address) {
        return new Address("EMAIL", address, "PERSONAL", "PROVIDED_BY_CONTACT", "signup-form");
    }

    public static Address boughtPhone(String number, String vendor) {
        return new Address("PHONE", number, "PERSONAL", "ENRICHMENT", vendor);
    }

    /** Creates the contact (as an agent) and the user that logs in as it. */
    public static Person create(String givenName, String familyName, Address... addresses) {
        JsonNode created = Gql.as("agent", """
                mutation($input: NewContactInput!) { createContact(input: $input) { id } }""",
                Map.of("input", Map.of("givenName", givenName, "familyName", familyName, "owner", "agent",
                        "lifecycleStage", "CUSTOMER", "contactPoints", List.of(addresses).stream().map(Address::input).toList())));
        String contactId = created.path("createContact").path("id").asText();
        String username = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createUser(username, contactId);
        return new Person(contactId, username);
    }

    private static void createUser(String username, String contactId) {
        var suite = RealSuite.suite();
        String admin = suite.keycloakAdminToken();
        String users = suite.keycloakUrl() + "/admin/realms/rapport/users";
        ObjectNode user = RealSuite.json().createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", "Test").put("lastName", username);
        user.putObject("attributes").putArray("contact_id").add(contactId);
        user.putArray("credentials").addObject().put("type", "password").put("value", username).put("temporary", false);
        Http.json("POST", users, admin, user);
        String id = Http.json("GET", users + "?exact=true&username=" + username, admin, null).path(0).path("id").asText();
        JsonNode role = Http.json("GET", suite.keycloakUrl() + "/admin/realms/rapport/roles/contact", admin, null);
        Http.json("POST", users + "/" + id + "/role-mappings/realm", admin, RealSuite.json().createArrayNode().add(role));
    }

    /** A GraphQL call as this person (their own Keycloak token). */
    public JsonNode call(String document, Map<String, ?> variables) {
        return Gql.as(username, document, variables);
    }

    /** Opens a page of the app in the browser and logs in through Keycloak's own sign-in form when asked. */
    public void logIn(Page page, String path) {
        page.navigate(RealSuite.webUrl() + path);
        page.getByRole(com.microsoft.playwright.options.AriaRole.MAIN)
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).first().click();
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        page.waitForURL(RealSuite.webUrl() + path);
    }
}
