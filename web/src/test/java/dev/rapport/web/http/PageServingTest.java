package dev.rapport.web.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The app's shell, its settings and its security headers, as a browser receives them. */
@QuarkusTest
class PageServingTest {

    @Test
    void theShellLoadsOnlyExternalScriptsUnderAPolicyWithoutInlineScript() {
        Response page = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().response();
        String html = page.asString();
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src=\"/static/bundle/"), "a bundled script: " + scripts.group());
            assertEquals("", scripts.group(2).trim(), "no inline script");
        }
        assertEquals(1, count, "one entry script:\n" + html);

        String csp = page.header("Content-Security-Policy");
        String scriptSrc = directive(csp, "script-src");
        assertEquals("'self'", scriptSrc, csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertEquals("'none'", directive(csp, "frame-ancestors"));
        assertEquals("'none'", directive(csp, "object-src"));
        assertTrue(directive(csp, "connect-src").contains("http://localhost:8080"), "the gateway: " + csp);
        assertTrue(directive(csp, "connect-src").contains("http://localhost:8180"), "the realm: " + csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("no-cache", page.header("Cache-Control"));
    }

    @Test
    void everyPageAddressIsAnsweredWithTheShellSoDeepLinksAndReloadsWork() {
        String shell = given().get("/").asString();
        for (String path : new String[] {"/preferences", "/consultation/0190a0a0-0000-7000-8000-000000000001", "/link",
                "/staff/contacts/abc"}) {
            given().get(path).then().statusCode(200).body(equalTo(shell))
                    .header("Content-Security-Policy", containsString("script-src 'self'"));
        }
        given().get("/nothing-here.js").then().statusCode(404).header("Content-Security-Policy", containsString("default-src 'none'"));
        given().post("/preferences").then().statusCode(not(equalTo(200)));
    }

    @Test
    void theSettingsNameTheGatewayTheRealmAndTheClient() {
        given().get("/config.json").then().statusCode(200)
                .body("graphqlUrl", equalTo("http://localhost:8080/graphql"))
                .body("authServerUrl", equalTo("http://localhost:8180/realms/rapport"))
                .body("clientId", equalTo("rapport-spa"))
                .body("defaultLanguage", equalTo("en"))
                .body("languages", equalTo(java.util.List.of("en", "fr", "ar")));
    }

    private static String directive(String csp, String name) {
        for (String d : csp.split(";")) {
            String trimmed = d.trim();
            if (trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
