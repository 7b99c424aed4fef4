package dev.rapport.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every string the pages show exists in English, French and Arabic, with the same placeholders. */
class MessageBundlesTest {
    private static final Path I18N = Path.of("src/main/resources/web/app/i18n");
    private static final Path APP = Path.of("src/main/resources/web/app");
    private static final Pattern ENTRY = Pattern.compile("'([^'\\n]+)':\\s*'((?:[^'\\\\\\n]|\\\\.)*)'");
    /** The plural forms of a message about a number of things (shared/i18n.js t()). */
    private static final Pattern PLURAL_FORM = Pattern.compile("\\.(zero|one|two|few|many)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Map<String, String> bundle(String language) throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(Files.readString(I18N.resolve(language + ".js")));
        while (m.find()) {
            messages.put(m.group(1), m.group(2));
        }
        return messages;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void frenchAndArabicSayEverythingEnglishSaysWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = bundle("en");
        assertTrue(en.size() > 200, "the English bundle was read: " + en.size());
        for (String language : new String[] {"fr", "ar"}) {
            Map<String, String> other = bundle(language);
            assertEquals(baseKeys(en), baseKeys(other), language);
            en.forEach((key, text) -> {
                if (!PLURAL_FORM.matcher(key).find()) {
                    assertEquals(placeholders(text), placeholders(other.get(key)), language + " " + key);
                }
            });
            // a language has the plural forms its grammar needs (French "1 étoile", Arabic's dual), whatever English
            // has; a plural form may say its number in words ("one idea"): it uses no placeholder the message lacks
            other.forEach((key, text) -> {
                Matcher form = PLURAL_FORM.matcher(key);
                if (form.find()) {
                    String base = key.substring(0, form.start());
                    assertTrue(en.containsKey(base), language + " " + key + ": no message " + base);
                    assertTrue(placeholders(en.get(base)).containsAll(placeholders(text)), language + " " + key);
                }
            });
        }
    }

    /**
     * Arabic counts in words of its own for two (the dual: "فكرتين") and for three to ten (a plural: "3 أفكار") where
     * eleven and more take the singular ("125 فكرة"): every Arabic message about a number of things that has its "one"
     * form has these two as well, on the person's pages and in the staff console.
     */
    @Test
    void arabicMessagesAboutANumberHaveTheirDualAndFewForms() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        for (String name : new String[] {"ar", "staff-ar"}) {
            if (!Files.exists(I18N.resolve(name + ".js"))) {
                continue;
            }
            Map<String, String> ar = bundle(name);
            ar.keySet().stream().filter(k -> k.endsWith(".one")).map(k -> k.substring(0, k.length() - ".one".length()))
                    .forEach(base -> {
                        for (String form : new String[] {".two", ".few"}) {
                            if (!ar.containsKey(base + form)) {
                                missing.add(name + ": " + base + form);
                            }
                        }
                    });
        }
        assertEquals(new TreeSet<>(), missing);
    }

    /** A bundle's message keys without their plural forms. */
    private static TreeSet<String> baseKeys(Map<String, String> bundle) {
        TreeSet<String> keys = new TreeSet<>();
        bundle.keySet().stream().filter(k -> !PLURAL_FORM.matcher(k).find()).forEach(keys::add);
        return keys;
    }

    @Test
    void everyKeyThePagesAskForLiterallyExists() throws IOException {
        Map<String, String> en = bundle("en");
        // the staff console's messages live in their own bundle (i18n/staff-<lang>.js)
        if (Files.exists(I18N.resolve("staff-en.js"))) {
            en.putAll(bundle("staff-en"));
        }
        Pattern used = Pattern.compile("\\bt\\('([A-Za-z]+\\.[A-Za-z.-]*[A-Za-z])'");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js") && !p.startsWith(I18N)).toList()) {
                Matcher m = used.matcher(Files.readString(file));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + APP.relativize(file) + ")");
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing);
    }

    /** Every error code the gateway documents (docs/gateway.md, "Errors") has its own words, so no page says only "Something went wrong". */
    @Test
    void everyGatewayErrorCodeHasAMessage() throws IOException {
        String doc = Files.readString(Path.of("../docs/gateway.md"));
        String errors = doc.substring(doc.indexOf("\n## Errors\n"));
        errors = errors.substring(0, errors.indexOf("\n\n", errors.indexOf("| --- |")));
        Matcher code = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(errors);
        TreeSet<String> missing = new TreeSet<>();
        int codes = 0;
        Map<String, String> en = bundle("en");
        while (code.find()) {
            codes++;
            if (!en.containsKey("error." + code.group(1))) {
                missing.add(code.group(1));
            }
        }
        assertTrue(codes >= 10, "error codes found in docs/gateway.md: " + codes);
        assertEquals(new TreeSet<>(), missing, "error codes without an error.* message");
    }
}
