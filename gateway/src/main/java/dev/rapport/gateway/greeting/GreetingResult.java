package dev.rapport.gateway.greeting;

import org.eclipse.microprofile.graphql.Description;

@Description("What a greeting led to.")
public enum GreetingResult {
    NOT_OFFERED, NOTHING_NEEDED, ASKED
}
