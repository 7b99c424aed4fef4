package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("One pushed interaction: CREATED, or DUPLICATE when (source, externalId) was seen before.")
public record IngestResult(String id, @Id String contactId, String source, String externalId, String status) {
}
