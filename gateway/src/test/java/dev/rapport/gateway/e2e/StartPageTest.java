package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The gateway's start page, as a newcomer uses it: the page and its settings are served without a token, a demo user
 * logs in with the flow the page runs in the browser (authorization code + PKCE with the public client, the code
 * exchanged from the page's origin), and every example query the page offers answers without errors for every role it
 * is offered to.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class StartPageTest {
    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    @TestHTTPResource("/")
    URL start;

    @Test
    void aDemoUserLogsInFromTheStartPageAndEveryExampleAnswers() throws Exception {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("ui/start.js"));
        given().get("/ui/start.js").then().statusCode(200);
        JsonPath settings = given().get("/ui/login-settings").then().statusCode(200).extract().jsonPath();
        assertEquals(RealSuite.suite.oidcUrl().replaceAll("/$", ""), settings.getString("authServerUrl"));
        assertEquals("rapport-spa", settings.getString("clientId"));
        assertEquals("/graphql", settings.getString("graphqlEndpoint"));
        given().get(settings.getString("graphqlUi") + "/").then().statusCode(200).body(containsString("graphiql"));

        allowTheGatewaysOrigin(settings.getString("clientId"));
        Suite.purpose("newsletter", "CONSENT");
        Suite.purpose("survey", "CONSENT");
        String ownContact = Suite.createContact("Customer");
        Suite.linkContactUser(ownContact);
        Map<String, String> pageTokens = Map.of("agent", logInAsThePageDoes(settings, "agent"),
                "contact", logInAsThePageDoes(settings, "contact"));

        List<Map<String, Object>> examples = examples();
        assertFalse(examples.isEmpty());
        for (Map<String, Object> example : examples) {
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) example.get("roles");
            for (String role : roles) {
                String token = pageTokens.containsKey(role) ? pageTokens.get(role) : Suite.tokenFor(role);
                JsonPath answer = GraphQL.query(token, (String) example.get("query"), variables(example, ownContact));
                assertNull(answer.get("errors"), () -> example.get("name") + " as " + role + ": " + answer.prettify());
                assertNotNull(answer.get("data"), () -> example.get("name") + " as " + role);
            }
        }
        JsonPath me = GraphQL.query(pageTokens.get("contact"), "{ me { id consents { purpose status } } }");
        assertEquals(ownContact, me.getString("data.me.id"), "the contact user's example acted on its own contact");
        assertTrue(me.getList("data.me.consents.purpose").contains("newsletter"), me::prettify);
    }

    @Test
    void theSignInServiceSendsTheCodeOnlyBackToThisMachine() throws Exception {
        JsonPath settings = given().get("/ui/login-settings").then().extract().jsonPath();
        HttpResponse<String> elsewhere = browser().send(HttpRequest.newBuilder(URI.create(authorizationUrl(settings,
                "https://rapport.attacker.example/", "a-challenge"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, elsewhere.statusCode(), "a redirect away from localhost must be refused, not followed");
        assertFalse(LOGIN_FORM.matcher(elsewhere.body()).find(), "no login form for a foreign redirect");
    }

    /**
     * What start.js and the browser do: send the user to the authorization endpoint with a PKCE challenge and the
     * page's own address as redirect URI, sign in on Keycloak's form, take the code from the redirect, and exchange
     * it at the token endpoint from the page's origin (a cross-origin call the realm must allow).
     */
    private String logInAsThePageDoes(JsonPath settings, String user) throws Exception {
        String origin = "http://localhost:" + start.getPort();
        String redirectUri = origin + "/";
        String verifier = randomString();
        HttpClient browser = browser();

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl(settings,
                redirectUri, challenge(verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginPage.statusCode(), loginPage::body);
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's login form");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Cookie", cookies(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri + "?"), location);
        String code = query(URI.create(location)).get("code");
        assertNotNull(code, location);

        Response exchanged = given().header("Origin", origin).formParams(Map.of("grant_type", "authorization_code",
                        "client_id", settings.getString("clientId"), "code", code, "redirect_uri", redirectUri,
                        "code_verifier", verifier))
                .post(settings.getString("authServerUrl") + "/protocol/openid-connect/token");
        assertEquals(200, exchanged.statusCode(), exchanged::asString);
        assertEquals(origin, exchanged.header("Access-Control-Allow-Origin"), "the page's origin may read the answer");
        assertNotNull(exchanged.jsonPath().getString("refresh_token"), "the page renews the token without a new login");
        return exchanged.jsonPath().getString("access_token");
    }

    /**
     * Keycloak lets a browser read the token endpoint's answer only from a listed web origin (it has no port
     * wildcard). The repository's realm lists the gateway's local address, http://localhost:8080; this gateway runs on
     * a random port, so its origin is listed the way an operator lists theirs, through the admin API.
     */
    private void allowTheGatewaysOrigin(String clientId) throws IOException {
        List<String> origins;
        try (InputStream in = Files.newInputStream(RealSuite.REPO.resolve("keycloak/realm-rapport.json"))) {
            origins = new ArrayList<>(new JsonPath(in).getList("clients.find { it.clientId == '" + clientId + "' }.webOrigins"));
        }
        assertEquals(List.of("http://localhost:8080", "http://localhost:8085"), origins,
                "the origins ./rapport serves the start page (gateway) and the pages (web) from");
        String admin = RealSuite.suite.keycloakAdminToken();
        String clients = RealSuite.keycloakUrl + "/admin/realms/rapport/clients";
        Map<String, Object> client = given().auth().oauth2(admin).queryParam("clientId", clientId).get(clients)
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        origins.add("http://localhost:" + start.getPort());
        client.put("webOrigins", origins);
        given().auth().oauth2(admin).contentType("application/json").body(client).put(clients + "/" + client.get("id"))
                .then().statusCode(204);
    }

    private static String authorizationUrl(JsonPath settings, String redirectUri, String challenge) {
        return settings.getString("authServerUrl") + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", settings.getString("clientId"), "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "state", randomString(), "code_challenge", challenge,
                "code_challenge_method", "S256"));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The cookies a browser sends back. Keycloak marks its login cookies Secure; browsers send those to
     * http://localhost (a secure context), java.net's cookie handler does not, so they are passed on by hand.
     */
    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> examples() throws IOException {
        try (InputStream in = StartPageTest.class.getResourceAsStream("/META-INF/resources/ui/examples.json")) {
            return new JsonPath(in).getList("$");
        }
    }

    /** The page fills "$contact_id" with the caller's own contact id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> example, String ownContact) {
        Map<String, Object> variables = new HashMap<>();
        ((Map<String, Object>) example.getOrDefault("variables", Map.of()))
                .forEach((name, value) -> variables.put(name, "$contact_id".equals(value) ? ownContact : value));
        return variables;
    }

    private static String randomString() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
