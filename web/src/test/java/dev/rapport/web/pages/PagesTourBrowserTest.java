package dev.rapport.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotType;

import dev.rapport.web.testing.Chromium;
import dev.rapport.web.testing.PageWatch;
import dev.rapport.web.testing.Person;
import dev.rapport.web.testing.RealSuite;
import dev.rapport.web.testing.Scenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every page of the person's side, as a person with real data sees it: an accessibility check (axe-core) with no serious
 * or critical violation in English and Arabic, the JavaScript and CSS each page loads (gzipped, goal ≤ 150 KB), the
 * time to its first render, and a screenshot at desktop and 360 px width in English and Arabic
 * ({@code web/target/screenshots}; {@code -Drapport.screenshots=../docs/web} writes them where docs/web.md shows them).
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
@org.junit.jupiter.api.extension.ExtendWith(dev.rapport.web.testing.FailureShots.class)
class PagesTourBrowserTest {
    private static final long BUDGET_GZIPPED = 150 * 1024;
    private static final Path SHOTS = Path.of(System.getProperty("rapport.screenshots", "target/screenshots"));

    /** A page: its name, its address and a text that shows once its data is there. */
    private record Stop(String name, String path, String readyText) {
    }

    private final List<BrowserContext> contexts = new ArrayList<>();
    private List<Stop> stops;
    private Person person;

    @BeforeEach
    void aPersonWithSomethingOnEveryPage() {
        person = Person.create("Amina", "Haddad", Person.givenEmail("amina@example.org"),
                Person.boughtPhone("+33698765432", "DataBrokerCo"));
        Scenarios.Consultation answered = Scenarios.openConsultation("Opening hours",
                List.<String[]>of(new String[] {"Open later on weekdays", null}));
        String answeredInvitation = Scenarios.invite(answered, person);
        Scenarios.respond(person, answeredInvitation, answered.initiatives().get(0), "ESSENTIAL", null);
        String followUp = Scenarios.publish(answered.initiatives().get(0), "DONE", "We now open until 20:00 on weekdays.", person);
        person.call("mutation($id: ID!) { answerFollowUp(id: $id, input: {answer: NO, why: \"I work until 20:00.\"}) { id } }",
                Map.of("id", followUp));
        String thread = person.call("query($id: ID!) { loopFollowUp(id: $id) { threadId } }", Map.of("id", followUp))
                .path("loopFollowUp").path("threadId").asText();
        Scenarios.staffReply(thread, "We open until 22:00 on Saturdays. Would that help?");
        Scenarios.Consultation open = Scenarios.openConsultation("Our plans for 2027", List.of(
                new String[] {"A loyalty card", "Points on every purchase, in store and online"},
                new String[] {"Home delivery", null}, new String[] {"A repair service", null},
                new String[] {"Longer warranty", null}, new String[] {"Recycling of old devices", null}));
        String invitation = Scenarios.invite(open, person);
        String caseId = Scenarios.resolvedCase(person, "My invoice shows my old address.");
        stops = List.of(
                new Stop("preferences", "/preferences", "+33698765432"),
                new Stop("activity", "/me", "My invoice shows my old address."),
                new Stop("consultation", "/consultation/" + invitation, "A loyalty card"),
                new Stop("follow-up", "/follow-up/" + followUp, "We open until 22:00 on Saturdays"),
                new Stop("case", "/case/" + caseId, "My invoice shows my old address."),
                new Stop("rating", "/rating/" + caseId, "My invoice shows my old address."));
    }

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
    }

    private Page open(Chromium.Size size, String language) {
        BrowserContext context = Chromium.context(size, language);
        contexts.add(context);
        return context.newPage();
    }

    @Test
    void everyPageIsAccessibleSmallAndFastAndIsPhotographed() throws Exception {
        Files.createDirectories(SHOTS);
        Map<String, String> figures = new LinkedHashMap<>();
        for (String language : List.of("en", "ar")) {
            for (Chromium.Size size : List.of(Chromium.DESKTOP, Chromium.PHONE)) {
                String suffix = language + "-" + (size == Chromium.PHONE ? "360" : "desktop");
                Page start = open(size, language);
                PageWatch watch = PageWatch.on(start);
                start.navigate(RealSuite.webUrl() + "/");
                start.waitForSelector("h1");
                shoot(start, "home-" + suffix);
                person.logIn(start, stops.get(0).path());
                for (Stop stop : stops) {
                    start.navigate(RealSuite.webUrl() + stop.path());
                    assertThat(start.getByText(stop.readyText()).first()).isVisible();
                    assertEquals(language.equals("ar") ? "rtl" : "ltr", start.evaluate("document.documentElement.dir"));
                    if (language.equals("en") && size == Chromium.DESKTOP) {
                        figures.put(stop.name(), measure(start));
                    }
                    if (size == Chromium.DESKTOP) {
                        accessible(start, stop.name() + " (" + language + ")");
                    }
                    if (size == Chromium.PHONE) {
                        assertEquals(Boolean.FALSE, start.evaluate(
                                "document.documentElement.scrollWidth > document.documentElement.clientWidth"), stop.name() + " fits 360 px");
                    }
                    shoot(start, stop.name() + "-" + suffix);
                }
                assertEquals(List.of(), watch.problems(), suffix);
            }
        }
        StringBuilder table = new StringBuilder("| Page | JS + CSS gzipped | first contentful paint | content shown |\n| --- | --- | --- | --- |\n");
        figures.forEach((page, row) -> table.append("| ").append(page).append(" | ").append(row).append(" |\n"));
        Files.writeString(Path.of("target/page-figures.md"), table);
        System.out.println("[web] page figures (desktop, en, after login; warm HTTP cache):\n" + table);
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.JPEG).setQuality(70)
                .setPath(SHOTS.resolve(name + ".jpg")));
    }

    private static void accessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertEquals(List.of(), serious, what);
    }

    /** The page's own JS and CSS (gzipped sizes of what it loaded from /static/bundle), FCP and time to content. */
    @SuppressWarnings("unchecked")
    private static String measure(Page page) throws IOException, InterruptedException {
        double shown = ((Number) page.evaluate("performance.now()")).doubleValue();
        Object fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null");
        List<String> files = (List<String>) page.evaluate(
                "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/static/bundle/'))");
        long gzipped = 0;
        HttpClient http = HttpClient.newHttpClient();
        for (String url : files) {
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            }
            gzipped += out.size();
        }
        assertTrue(gzipped <= BUDGET_GZIPPED, "over budget: " + gzipped + " bytes for " + files);
        System.out.println("[web] " + page.url() + " loaded " + files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList());
        return String.format("%.1f KB (%d files) | %s ms | %.0f ms", gzipped / 1024.0, files.size(),
                fcp == null ? "–" : String.format("%.0f", ((Number) fcp).doubleValue()), shown);
    }
}
