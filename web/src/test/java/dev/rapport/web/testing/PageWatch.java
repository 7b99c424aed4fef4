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
        // a CSP violation is reported to the document as an event; the listener is installed before any script runs
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return watch;
    }

    private synchronized void add(String problem) {
        problems.add(problem);
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
