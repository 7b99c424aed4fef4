package dev.rapport.contacts.importing;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one row of an import. */
public record RowOutcomeView(
        @Schema(description = "Line in the file where the row starts (the header is line 1)", example = "42") long line,
        @Schema(description = "CREATED, MATCHED (the contact had everything the row gives), UPDATED or ERROR "
                + "(the reasons: /imports/{id}/errors)") ImportOutcome outcome,
        @Schema(description = "The contact the row created or matched; absent for ERROR") UUID contactId,
        @Schema(description = "What an UPDATED row filled or added: column names (given_name, tags, …) and the channels "
                + "of added contact points (email, phone)", example = "[\"family_name\", \"phone\"]") List<String> changed) {
}
