package dev.rapport.web.testing;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * What a page did that a test should know about: console errors, Content-Security-Policy violations and uncaught
 * exceptions, collected from the moment it is attached.
 */
public final class PageWatch {
    private final List<String> problems = new ArrayList<>();
    private final List<String> graphqlErrors = new ArrayList<>();

    private PageWatch() {
    }

    public static PageWatch on(Page page) {
        PageWatch watch = new PageWatch();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                watch.add("console: " + m.text());
            }
        });
        page.onPageError(e -> watch.add("uncaught: " + e));
        // GraphQL answers that carry errors (or are not 200): not problems by themselves (a test may provoke them), but
        // what explains a page that says "Something went wrong"
        page.onResponse(r -> {
            if (!r.url().endsWith("/graphql") || "OPTIONS".equals(r.request().method())) {
                return;
            }
            try {
                String body = r.text();
                if (r.status() != 200 || body.contains("\"errors\"")) {
                    watch.answer("HTTP " + r.status() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
                }
            } catch (RuntimeException e) {
                watch.answer("HTTP " + r.status() + " (body unreadable: " + e.getMessage() + ")");
            }
        });
        // a CSP violation is reported to the document as an event; the listener is installed before any script runs
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return watch;
    }

    private synchronized void add(String problem) {
        problems.add(problem);
    }

    private synchronized void answer(String answer) {
        graphqlErrors.add(answer);
    }

    /** The gateway's answers that carried errors, in order. */
    public synchronized List<String> graphqlErrors() {
        return List.copyOf(graphqlErrors);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The problems, without the ones a test provoked on purpose (e.g. a gateway that is not there). */
    public synchronized List<String> problemsExcept(String... expected) {
        List<String> left = new ArrayList<>();
        for (String p : problems) {
            boolean known = false;
            for (String e : expected) {
                known |= p.contains(e);
            }
            if (!known) {
                left.add(p);
            }
        }
        return left;
    }
}
