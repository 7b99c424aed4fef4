package dev.rapport.feedback.supportcase;

/**
 * OPEN → RESOLVED (staff say it is fixed) → CONFIRMED (the customer agrees). Only CONFIRMED counts as resolved;
 * a customer's "not resolved" sends the case back to OPEN and counts as a reopen.
 */
public enum CaseStatus {
    OPEN, RESOLVED, CONFIRMED
}
