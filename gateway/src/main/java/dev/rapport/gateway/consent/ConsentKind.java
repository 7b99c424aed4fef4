package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("What a ledger event records.")
public enum ConsentKind {
    GRANT, WITHDRAW, DENY, OBJECT, ERASURE
}
