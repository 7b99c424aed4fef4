package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a consultation is: DRAFT, OPEN (taking answers), CLOSED, ANSWERED (actions published).")
public enum ConsultationStatus {
    DRAFT, OPEN, CLOSED, ANSWERED
}
