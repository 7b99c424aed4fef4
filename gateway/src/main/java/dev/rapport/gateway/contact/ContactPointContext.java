package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether an address is the person's work or personal one.")
public enum ContactPointContext {
    WORK, PERSONAL
}
