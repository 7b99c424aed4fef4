package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("What we decided about an initiative.")
public enum ActionDecision {
    WILL_DO, DOING, DONE, WONT_DO
}
