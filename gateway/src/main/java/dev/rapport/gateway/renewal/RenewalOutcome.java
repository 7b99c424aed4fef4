package dev.rapport.gateway.renewal;

import org.eclipse.microprofile.graphql.Description;

@Description("How a member's renewal ended.")
public enum RenewalOutcome {
    RENEWED_EARLY, RENEWED, LAPSED
}
