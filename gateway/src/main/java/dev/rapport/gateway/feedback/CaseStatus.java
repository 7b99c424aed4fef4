package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a support case is: OPEN, RESOLVED by staff, CONFIRMED by the person.")
public enum CaseStatus {
    OPEN, RESOLVED, CONFIRMED
}
