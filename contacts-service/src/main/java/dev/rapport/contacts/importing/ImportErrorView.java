package dev.rapport.contacts.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why one row was not imported. A row with several bad fields has one error per field. */
public record ImportErrorView(
        @Schema(description = "Line in the file where the row starts (the header is line 1)", example = "42") long line,
        @Schema(description = "The column, or \"row\" for a problem with the row as a whole", example = "email") String field,
        @Schema(example = "is not a valid e-mail address") String message) {

    static ImportErrorView from(RowError e) {
        return new ImportErrorView(e.line(), e.field(), e.message());
    }
}
