package dev.rapport.consent.ledger;

/** Where a consent event came from. SYSTEM is the service's own (erasure). */
public enum EventSource {
    PREFERENCE_CENTRE, WEB_FORM, AGENT, IMPORT, UNSUBSCRIBE_LINK, API, SYSTEM
}
