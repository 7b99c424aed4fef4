package dev.rapport.feedback.renewal;

public enum Outcome {
    RENEWED_EARLY, RENEWED, LAPSED
}
