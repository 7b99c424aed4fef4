package dev.rapport.gateway.outreach;

import dev.rapport.gateway.consent.Decision;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("One line of a bulk outreach answer, in input order: the request (QUEUED, DENIED or DUPLICATE) or the error "
        + "for that line.")
public record BulkOutreachResult(@Id String contactId, @Description("The outreach request id") String id,
        @Description("Null on a line with an error") BulkOutreachStatus status, Decision decision, Long line, String error) {
}
