package dev.rapport.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;

import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The start page and the GraphQL UI in Debian's Chromium: a pasted token opens the UI with the token as the
 * Authorization header of every request, and the token appears in no address the browser visits (nor in its history).
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
@EnabledIf("chromiumInstalled")
class GraphqlUiBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL start;

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void theUiGetsTheTokenFromTheTabNeverFromTheAddress() {
        String token = Tokens.forRoles("browser-admin", "admin");
        try (Page page = browser.newPage()) {
            List<String> addresses = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequest(r -> addresses.add(r.url()));
            page.navigate(start.toString());
            page.locator("#web").waitFor();
            assertEquals("http://localhost:8085", page.locator("#web-app").getAttribute("href"));
            page.locator("#pasted").fill(token);
            page.locator("#with-paste button[type=submit]").click();
            page.locator("#examples a").first().waitFor();

            page.locator("#examples a").first().click();
            page.waitForURL("**/ui/graphiql.html");
            page.locator(".graphiql-container").waitFor();
            Request sent = page.waitForRequest(r -> r.url().endsWith("/graphql") && "POST".equals(r.method())
                    && r.postData() != null && !r.postData().contains("IntrospectionQuery"),
                    () -> page.locator(".graphiql-execute-button").click());
            assertEquals("Bearer " + token, sent.headers().get("authorization"));
            page.waitForCondition(() -> page.locator(".graphiql-response").innerText().contains("\"data\""));

            assertEquals(start + "ui/graphiql.html", page.url());
            String history = (String) page.evaluate("() => document.referrer + ' ' + window.location.href");
            assertFalse(history.contains(token), history);
            addresses.forEach(a -> assertFalse(a.contains(token.substring(token.length() - 20)), a));
            assertTrue(addresses.stream().anyMatch(a -> a.endsWith("/graphql")));
        }
    }

    @Test
    void withoutATokenInTheTabTheUiSaysWhereToGetOne() {
        try (Page page = browser.newPage()) {
            page.navigate(start + "ui/graphiql.html");
            page.locator("#no-token").waitFor();
            assertTrue(page.locator("#no-token").isVisible());
        }
    }
}
