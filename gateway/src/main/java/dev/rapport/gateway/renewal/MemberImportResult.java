package dev.rapport.gateway.renewal;

import org.eclipse.microprofile.graphql.Description;

@Description("What an import or a single score changed; re-sending the same rows changes nothing.")
public record MemberImportResult(String period, int rows, int membersAdded, int scoresRecorded, int outcomesRecorded) {
}
