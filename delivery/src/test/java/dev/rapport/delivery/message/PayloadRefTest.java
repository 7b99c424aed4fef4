package dev.rapport.delivery.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What feedback-service's payloadRefs mean, and that anything else is a plain message; the language fallback. */
class PayloadRefTest {
    private static final String A = "0192f1c4-0000-7000-8000-00000000000a";
    private static final String B = "0192f1c4-0000-7000-8000-00000000000b";

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "feedback:invitation:" + A + ", INVITATION, " + A + ", null",
            "feedback:action:" + A + ":follow-up:" + B + ", ACTION_NOTICE, " + A + ", " + B,
            "feedback:thread:" + A + ":follow-up:" + B + ", THREAD_REPLY, " + A + ", " + B,
            "feedback:case:" + A + ":confirmation:" + B + ", CASE_CONFIRMATION, " + A + ", null",
            "feedback:renewal-offer:" + A + ", RENEWAL_OFFER, " + A + ", null",
            "feedback:follow-up:" + A + ", ANONYMOUS_NOTICE, " + A + ", " + A,
            "partner:newsletter:2026-12, PLAIN, null, null",
            "feedback:invitation:not-a-uuid, PLAIN, null, null",
            "feedback:invitation:" + A + ":extra, PLAIN, null, null",
            "null, PLAIN, null, null"})
    void readsWhatAMessageIsAbout(String ref, Kind kind, String subject, String followUp) {
        assertEquals(new PayloadRef(kind, subject == null ? null : UUID.fromString(subject),
                followUp == null ? null : UUID.fromString(followUp)), PayloadRef.parse(ref));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"fr, en, fr", "fr-CA, en, fr", "ar-EG, en, ar", "EN-gb, fr, en", "de, fr, fr",
            "null, ar, ar", "'', en, en", "de, xx, en", "not a tag!, en, en"})
    void speaksTheContactsLanguageOrTheDefault(String tag, String fallback, String expected) {
        assertEquals(expected, Language.of(tag, fallback));
    }
}
