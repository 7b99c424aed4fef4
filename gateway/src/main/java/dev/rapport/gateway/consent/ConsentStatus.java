package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("The state of a consent scope, decided by its latest ledger event.")
public enum ConsentStatus {
    GRANTED, EXPIRED, WITHDRAWN, DENIED, OBJECTED
}
