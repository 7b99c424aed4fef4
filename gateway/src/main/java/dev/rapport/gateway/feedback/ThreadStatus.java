package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a why-not thread is.")
public enum ThreadStatus {
    OPEN, ANSWERED, CLOSED
}
