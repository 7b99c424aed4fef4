package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an import job is: QUEUED, RUNNING, COMPLETED or FAILED.")
public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
