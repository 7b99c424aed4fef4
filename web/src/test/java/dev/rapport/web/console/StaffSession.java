package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotType;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.RealSuite;

/**
 * A staff member in a browser: logs in through Keycloak's own form as a demo user of the realm (password = user name),
 * opens console pages, checks them with axe-core and saves a screenshot of each view at desktop width
 * ({@code web/target/screenshots}; {@code -Drapport.screenshots=../docs/web} writes them where docs/web.md shows
 * them, as the person's pages' tour does).
 */
final class StaffSession implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("rapport.screenshots", "target/screenshots"));
    final BrowserContext context;
    final Page page;
    final PageWatch watch;

    static {
        // a console view waits for the gateway and up to three services; on a busy machine that takes longer than the
        // assertions' default of 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    private StaffSession(String user, String language, Chromium.Size size) {
        context = Chromium.context(size, language);
        page = context.newPage();
        page.setDefaultTimeout(60_000);
        watch = PageWatch.on(page);
        page.navigate(RealSuite.webUrl() + "/staff");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON).first().click();
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(RealSuite.webUrl() + "/staff");
    }

    static StaffSession logIn(String user) {
        return new StaffSession(user, "en-GB", Chromium.DESKTOP);
    }

    static StaffSession logIn(String user, String language) {
        return new StaffSession(user, language, Chromium.DESKTOP);
    }

    /** On a phone (360 × 740) or a desktop, in a language ("ar" shows the console right to left). */
    static StaffSession logIn(String user, String language, Chromium.Size size) {
        return new StaffSession(user, language, size);
    }

    /**
     * The view at this address in Arabic (right to left) and in English on a 360 px phone (nothing wider than the
     * screen), showing this text in both, with no serious axe-core violation and no problem in the browser; screenshots
     * {@code <name>-ar} and {@code <name>-360}.
     */
    static void inArabicAndOnAPhone(String user, String path, String arabicHeading, String heading, String shown, String name) {
        try (StaffSession s = logIn(user, "ar")) {
            try {
                s.open(path);
                assertThat(s.page.locator("html")).hasAttribute("dir", "rtl");
                s.heading(arabicHeading);
                assertThat(s.page.getByText(shown)).isVisible();
                s.accessible(name + ", ar");
                s.screenshot(name + "-ar");
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
        try (StaffSession s = logIn(user, "en-GB", Chromium.PHONE)) {
            try {
                s.open(path);
                s.heading(heading);
                assertThat(s.page.getByText(shown)).isVisible();
                int width = ((Number) s.page.evaluate("document.documentElement.scrollWidth")).intValue();
                assertTrue(width <= Chromium.PHONE.width(), "nothing wider than the phone: " + width);
                s.accessible(name + ", 360 px");
                s.screenshot(name + "-360");
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    /** Goes to a console address the way a person does: typed into the address bar (a full load). */
    StaffSession open(String path) {
        page.navigate(RealSuite.webUrl() + path);
        return this;
    }

    /** Follows a link of the navigation (routed in the page, no reload). */
    StaffSession navigate(String linkName) {
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(linkName).setExact(true)).click();
        return this;
    }

    void heading(String name) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1))).isVisible();
    }

    /** No serious or critical accessibility violation on the page as it is now (axe-core, WCAG 2 A and AA rules). */
    void accessible(String view) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().limit(3).map(n -> n.getTarget().toString()).toList())
                .toList();
        assertEquals(List.of(), serious, view + ": accessibility");
    }

    /** The window as the person sees it now (1280 × 900, or 360 × 740 on a phone), as {@code <name>.jpg}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(70).setFullPage(false)
                    .setPath(SCREENSHOTS.resolve(name + ".jpg")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A failure of a walk with what explains it: the page's address, what the browser reported (console errors, among
     * them failed requests, uncaught exceptions, CSP violations) and a screenshot in {@code target/failures}.
     */
    AssertionError explain(Throwable failure) {
        String shot = "";
        try {
            Path file = Path.of("target/failures", "console-" + System.currentTimeMillis() + ".png");
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
            shot = "; screenshot " + file;
        } catch (RuntimeException | java.io.IOException e) {
            // the page is gone: nothing to show
        }
        return new AssertionError(failure.getMessage() + "\n  at " + page.url() + shot + "\n  the browser reported " + problems()
                + "\n  GraphQL answers with errors " + watch.graphqlErrors(),
                failure);
    }

    /** Console errors, uncaught exceptions and CSP violations so far. */
    List<String> problems() {
        return watch.problems();
    }

    @Override
    public void close() {
        context.close();
    }
}
