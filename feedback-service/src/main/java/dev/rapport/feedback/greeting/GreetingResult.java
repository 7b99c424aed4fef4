package dev.rapport.feedback.greeting;

/** What came of "Can I do anything for you?". */
public enum GreetingResult {
    NOT_OFFERED, NOTHING_NEEDED, ASKED
}
