package dev.rapport.feedback.followup;

/** OPEN: the customer is waiting for staff; ANSWERED: staff replied and asked again; CLOSED: the customer said yes. */
public enum ThreadStatus {
    OPEN, ANSWERED, CLOSED
}
