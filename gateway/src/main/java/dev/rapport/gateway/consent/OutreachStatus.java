package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an outreach request is in the delivery queue.")
public enum OutreachStatus {
    QUEUED, LEASED, DELIVERED, BOUNCED, FAILED, DENIED
}
