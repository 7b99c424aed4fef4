package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("How much an initiative matters to the person who answered.")
public enum Bucket {
    NOT_IMPORTANT, LOW_BUT_IMPORTANT, IMPORTANT, ESSENTIAL
}
