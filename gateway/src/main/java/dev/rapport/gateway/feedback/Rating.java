package dev.rapport.gateway.feedback;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("1–5 stars the person gave an interaction, a case or a staff member, with their comment.")
public record Rating(@Id String id,
        @Description("INTERACTION, CASE or STAFF") String subjectType,
        @Description("The rated interaction's or case's id, or the staff member") String subjectId,
        String staff, @Description("Where it happened (shop, branch, web chat, …)") String touchpoint, int stars,
        String comment, String contactId, Instant ratedAt) {
}
