package dev.rapport.web.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The gateway's start page, its own script in a real browser: a demo user logs in (code + PKCE), opens an example
 * in the GraphQL UI and runs it; the token is in no address the browser visited.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class GatewayStartPageBrowserTest {
    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anExampleRunsInTheGraphqlUiWithoutTheTokenInAnyAddress() {
        context = Chromium.context(Chromium.DESKTOP, "en-GB");
        Page page = context.newPage();
        List<String> visited = new ArrayList<>();
        page.onFrameNavigated(frame -> visited.add(frame.url()));
        page.onRequest(request -> visited.add(request.url()));
        String gateway = RealSuite.suite().url(Suite.GATEWAY);
        page.navigate(gateway + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator("#username").fill("agent");
        page.locator("#password").fill("agent");
        page.locator("#kc-login").click();
        assertThat(page.getByText("Logged in as")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Purposes").setExact(true)).click();
        page.waitForURL(url -> url.contains("/ui/graphiql.html"));
        page.locator(".graphiql-execute-button").click();
        assertThat(page.locator(".result-window")).containsText("\"purposes\"");
        assertThat(page.locator(".result-window")).containsText("newsletter");

        String token = (String) page.evaluate("JSON.parse(sessionStorage.getItem('rapport.session')).access");
        assertFalse(token.isBlank());
        List<String> leaks = visited.stream().filter(u -> u.contains(token) || u.contains("Bearer") || u.contains("headers=")).toList();
        assertEquals(List.of(), leaks, "no address carries the token");
    }
}
