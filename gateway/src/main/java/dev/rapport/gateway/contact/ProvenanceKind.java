package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("How we got an address: PROVIDED_BY_CONTACT (a form or conversation), IMPORTED (a file), ENRICHMENT (a vendor) or INFERRED.")
public enum ProvenanceKind {
    PROVIDED_BY_CONTACT, IMPORTED, ENRICHMENT, INFERRED
}
