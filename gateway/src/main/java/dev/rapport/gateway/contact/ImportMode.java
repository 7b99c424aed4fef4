package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("What an import does with a row naming someone already known. CREATE: every row becomes a new contact. "
        + "UPSERT: a row whose e-mail address or external_id belongs to one contact fills that contact (empty fields, tags, "
        + "new contact points with provenance IMPORTED) and changes nothing it has; matching two contacts is a row error "
        + "naming both.")
public enum ImportMode {
    CREATE, UPSERT
}
