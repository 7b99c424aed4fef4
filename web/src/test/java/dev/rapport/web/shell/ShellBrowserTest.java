package dev.rapport.web.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The shell in a real browser, without the rest of Rapport: routing, languages, asking to log in. */
@QuarkusTest
class ShellBrowserTest {
    @TestHTTPResource("/")
    URL root;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private Page open(String path, String language) {
        context = Chromium.context(Chromium.PHONE, language);
        Page page = context.newPage();
        return page;
    }

    @Test
    void aDeepLinkToAPersonsPageAsksToLogInAndRunsUnderTheCspWithoutViolations() {
        Page page = open("/preferences", "en-GB");
        PageWatch watch = PageWatch.on(page);
        page.navigate(root + "preferences");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Please log in"))).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).first()).isVisible();
        assertEquals("ltr", page.evaluate("document.documentElement.dir"));
        assertEquals(List.of(), watch.problems());
    }

    @Test
    void theBrowsersLanguageIsUsedAndArabicRunsRightToLeftAndTheChoiceIsKept() {
        Page page = open("/", "ar-EG");
        page.navigate(root.toString());
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("html")).hasAttribute("lang", "ar");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("مرحبًا بك في Rapport"))).isVisible();

        page.getByLabel("اللغة").selectOption("fr");
        assertThat(page.locator("html")).hasAttribute("dir", "ltr");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Bienvenue sur Rapport"))).isVisible();
        page.reload();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }

    @Test
    void anUnknownAddressSaysSoAndLinksHome() {
        Page page = open("/nowhere", "en");
        page.navigate(root + "nowhere/at/all");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        page.getByRole(com.microsoft.playwright.options.AriaRole.MAIN).getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Home")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Welcome to Rapport"))).isVisible();
        assertEquals(root.toString(), page.url(), "routed in the page, no reload needed");
    }

    @Test
    void aLinkWithoutItsTokenSaysSoAndTheAddressKeepsNoFragment() {
        Page page = open("/link", "en");
        page.navigate(root + "link");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("incomplete");
        assertEquals(root + "link", page.url());
    }
}
