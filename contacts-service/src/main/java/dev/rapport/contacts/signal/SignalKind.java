package dev.rapport.contacts.signal;

public enum SignalKind {
    /** Lifetime spend crossed the configured amount. */
    SPEND_THRESHOLD,
    /** A regular buyer is overdue against their own purchase rhythm. */
    OVERDUE_BUYER,
    /** Opens without clicks, then silence. */
    DISENGAGING,
    /** A follow-up the person asked for is due. */
    FOLLOW_UP_DUE,
    /** A valuable customer has not been thanked or asked for feedback for a while. */
    NOT_THANKED
}
