package dev.rapport.consent.facts;

public enum ChangeKind {
    ADDED, UPDATED, REMOVED, MERGED
}
