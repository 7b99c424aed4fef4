package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("One pushed interaction: CREATED, or DUPLICATE when (source, externalId) was seen before.")
public record IngestResult(String id, String contactId, String source, String externalId, String status) {
}
