package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("Who asked for a follow-up: the person (CONTACT) or our staff (STAFF).")
public enum StatedBy {
    CONTACT, STAFF
}
