package dev.rapport.gateway.ledger;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A contact point as consent-service knows it (from contacts-service's outbox): never the address.")
public record ContactPointFact(@Id String contactPointId, @Id String contactId, dev.rapport.gateway.common.Channel channel,
        dev.rapport.gateway.contact.ContactPointContext context, dev.rapport.gateway.contact.ProvenanceKind provenance, String provenanceSource,
        @Description("Only points the person gave are covered by a whole-channel grant") boolean givenByPerson,
        Instant verifiedAt, Instant addedAt, Instant removedAt) {
}
