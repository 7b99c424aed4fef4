package dev.rapport.consent.outreach;

/** QUEUED → LEASED (pulled) → DELIVERED / BOUNCED / FAILED; or DENIED at request time or at the re-check on pull. */
public enum OutreachStatus {
    QUEUED, LEASED, DELIVERED, BOUNCED, FAILED, DENIED
}
