package dev.rapport.gateway.renewal;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A renewal programme (a season ticket, a membership): members, their 1–5 propensity scores and outcomes per period.")
public record Programme(@Id String id, String name, String description, Instant createdAt) {
}
