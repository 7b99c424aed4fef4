package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a consent event was given or recorded.")
public enum ConsentSource {
    PREFERENCE_CENTRE, WEB_FORM, AGENT, IMPORT, UNSUBSCRIBE_LINK, API, SYSTEM
}
