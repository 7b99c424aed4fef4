package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("The person's answer to a resolved case.")
public enum CaseOutcome {
    CONFIRMED, NOT_RESOLVED
}
