package dev.rapport.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * Markup people may type into names and comments, and the checks that it stayed text: nothing ran, no element was
 * made from it (in the document or any shadow root), the browser reported no blocked inline script, and the text
 * shows as typed.
 */
public final class PeoplesText {
    /** Would count into window.__xss if it ever ran. */
    public static final String IMG = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";
    public static final String SCRIPT = "<script>window.__xss=(window.__xss||0)+1</script>";

    private PeoplesText() {
    }

    /** The page's whole text, through every open shadow root. */
    public static String deepText(Page page) {
        return (String) page.evaluate("""
                () => { const walk = (root) => Array.from(root.childNodes).map(n =>
                  n.nodeType === 3 ? n.textContent : (n.shadowRoot ? walk(n.shadowRoot) : '') + (n.childNodes ? walk(n) : '')).join('');
                  return walk(document.body); }""");
    }

    public static void assertInert(Page page, PageWatch watch, String... shown) {
        assertEquals("undefined", page.evaluate("typeof window.__xss"), "a payload ran");
        Object made = page.evaluate("""
                () => { const found = []; const walk = (root) => root.querySelectorAll('*').forEach(e => {
                  if ((e.tagName === 'IMG' && e.getAttribute('src') === 'x') || (e.tagName === 'SCRIPT' && e.textContent.includes('__xss'))
                      || e.hasAttribute('onerror')) found.push(e.outerHTML);
                  if (e.shadowRoot) walk(e.shadowRoot); }); walk(document); return found.length; }""");
        assertEquals(0, ((Number) made).intValue(), "an element was made from people's text");
        assertEquals(List.of(), watch.problemsExcept(), "no blocked inline script or other problem");
        String text = deepText(page);
        for (String s : shown) {
            assertTrue(text.contains(s), "shown as text: " + s + "\nin: " + text);
        }
    }
}
