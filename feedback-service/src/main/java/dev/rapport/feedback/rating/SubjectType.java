package dev.rapport.feedback.rating;

/** What a star rating is about. */
public enum SubjectType {
    INTERACTION, CASE, STAFF
}
