package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to a case: OPENED, ASSIGNED (to a staff member), RESOLVED (by staff), CONFIRMED (the customer "
        + "says it is solved), NOT_RESOLVED (the customer says it is not: the case is open again), REOPENED (by staff).")
public enum CaseEventType {
    OPENED, ASSIGNED, RESOLVED, CONFIRMED, NOT_RESOLVED, REOPENED
}
