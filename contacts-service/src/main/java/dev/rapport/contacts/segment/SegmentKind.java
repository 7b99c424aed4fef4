package dev.rapport.contacts.segment;

public enum SegmentKind {
    /** Search criteria, evaluated each time the segment is used: its members are whoever matches then. */
    FILTER,
    /** A list of contact ids uploaded as CSV or NDJSON; a new upload replaces it. */
    STATIC
}
