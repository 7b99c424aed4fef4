package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("The person's answer to 'does this work for you?'.")
public enum LoopAnswer {
    YES, PARTLY, NO
}
