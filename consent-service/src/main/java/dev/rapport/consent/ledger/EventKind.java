package dev.rapport.consent.ledger;

/** What a ledger event says. ERASURE is written by the service itself when a person is erased. */
public enum EventKind {
    GRANT, WITHDRAW, DENY, OBJECT, ERASURE;

    public boolean isNegative() {
        return this == WITHDRAW || this == DENY || this == OBJECT;
    }
}
