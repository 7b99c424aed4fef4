package dev.rapport.gateway.outreach;

import org.eclipse.microprofile.graphql.Description;

@Description("What became of one line of a bulk outreach request: QUEUED (allowed, or waiting for the person's quiet hours "
        + "to end, and queued for delivery), DENIED (refused; the decision says why) or DUPLICATE (the same contact, purpose, "
        + "campaign and payload was already requested; `id` is that request).")
public enum BulkOutreachStatus {
    QUEUED, DENIED, DUPLICATE
}
