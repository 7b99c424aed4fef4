package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("Inferred from behaviour; always read beside what the person said (consents, objections, follow-ups).")
public record LeadScore(@Id String contactId, double score, Instant asOf, double halfLifeDays, List<Contribution> contributions) {
    public record Contribution(String type, long count, double weight, double points) {
    }
}
