package dev.rapport.gateway.signal;

import org.eclipse.microprofile.graphql.Description;

@Description("How many signals of one kind are due for one owner.")
public record SignalSummary(String owner, String kind, long count) {
}
