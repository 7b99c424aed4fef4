package dev.rapport.web.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, launched once per test JVM (closed by a shutdown hook). Each test takes a
 * fresh {@link BrowserContext} (its own cookies and storage), at a phone's or a desktop's width and in a language.
 */
public final class Chromium {
    /** Where Debian's package puts it; {@code -Drapport.chromium=/path} elsewhere. */
    private static final Path EXECUTABLE = Path.of(System.getProperty("rapport.chromium", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    public static final Size PHONE = new Size(360, 740);
    public static final Size DESKTOP = new Size(1280, 900);

    public record Size(int width, int height) {
    }

    private static Playwright playwright;
    private static Browser browser;
    private static final List<BrowserContext> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Chromium() {
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close));
        }
        return browser;
    }

    /** A new, empty browser profile of this size, asking for this language (Accept-Language and navigator.languages). */
    public static BrowserContext context(Size size, String language) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(size.width(), size.height()).setLocale(language));
        OPEN.add(context);
        context.onClose(OPEN::remove);
        return context;
    }

    /** The contexts tests have open now (for screenshots of a failure). */
    static List<BrowserContext> open() {
        return List.copyOf(OPEN);
    }

    private static synchronized void close() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }
}
