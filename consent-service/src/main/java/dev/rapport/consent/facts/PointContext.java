package dev.rapport.consent.facts;

/** Whether a contact point belongs to the person's work or private life. */
public enum PointContext {
    WORK, PERSONAL
}
