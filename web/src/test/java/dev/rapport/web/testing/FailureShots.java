package dev.rapport.web.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** When a browser test fails, a screenshot of every page it has open, in {@code target/failures}, before it closes. */
public class FailureShots implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        int n = 0;
        for (BrowserContext browser : Chromium.open()) {
            for (Page page : browser.pages()) {
                try {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(Path.of("target/failures", name + "-" + (++n) + ".png")));
                    System.out.println("[web] " + name + " failed on " + page.url() + "; screenshot in target/failures");
                } catch (RuntimeException e) {
                    // the page is gone: nothing to show
                }
            }
        }
    }
}
