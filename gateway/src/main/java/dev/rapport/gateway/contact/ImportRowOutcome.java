package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("What became of one row of an import: CREATED a contact; MATCHED one that already had everything the row "
        + "gives (UPSERT); UPDATED one (UPSERT: filled empty fields, added tags or contact points); ERROR (the reasons: "
        + "importErrors).")
public enum ImportRowOutcome {
    CREATED, MATCHED, UPDATED, ERROR
}
