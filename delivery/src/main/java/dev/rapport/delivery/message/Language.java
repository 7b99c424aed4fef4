package dev.rapport.delivery.message;

import java.util.List;
import java.util.Locale;

/** The languages messages are written in; anything else falls back to the deployment's default. */
public final class Language {
    public static final List<String> SUPPORTED = List.of("en", "fr", "ar");

    private Language() {
    }

    /** The supported language of a BCP 47 tag ({@code fr-CA} is fr), or {@code fallback}. */
    public static String of(String tag, String fallback) {
        if (tag != null && !tag.isBlank()) {
            String primary = Locale.forLanguageTag(tag.strip()).getLanguage();
            if (SUPPORTED.contains(primary)) {
                return primary;
            }
        }
        return SUPPORTED.contains(fallback) ? fallback : "en";
    }
}
