package dev.rapport.contacts.contact;

import dev.rapport.platform.problem.ProblemException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a person reads, as a BCP 47 tag: a language (ISO 639), optionally a script and a region, e.g.
 * {@code en}, {@code fr}, {@code ar}, {@code fr-CA}, {@code zh-Hant-TW}. Stored in its canonical case ({@code fr-ca}
 * becomes {@code fr-CA}). Extensions and private use are refused: a message is rendered by language, script and
 * region only.
 */
public final class LanguageTag {
    public static final int MAX_LENGTH = 35;
    static final String RULE = "must be a BCP 47 language tag such as en, fr, ar or fr-CA";
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private LanguageTag() {
    }

    /** The canonical tag; null for null or blank (no language: the deployment default applies); 400 naming the field. */
    public static String normalise(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().replace('_', '-');
        if (t.length() > MAX_LENGTH || !SHAPE.matcher(t).matches()) {
            throw ProblemException.badField(field, RULE);
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(t).build();
        } catch (IllformedLocaleException e) {
            throw ProblemException.badField(field, RULE);
        }
        if (locale.getLanguage().length() == 2 && !ISO_639_1.contains(locale.getLanguage())) {
            throw ProblemException.badField(field, "names no ISO 639 language (" + locale.getLanguage() + "); " + RULE);
        }
        return locale.toLanguageTag();
    }
}
