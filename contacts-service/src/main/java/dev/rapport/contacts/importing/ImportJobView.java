package dev.rapport.contacts.importing;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it. */
public record ImportJobView(
        UUID id,
        @Schema(description = "The name the file was submitted with; also the provenance source of every imported contact point",
                example = "trade-fair-2026.csv") String fileName,
        ImportStatus status,
        @Schema(description = "Rows in the file, header excluded", example = "1000000") long total,
        @Schema(description = "Rows committed so far, imported or failed", example = "250000") long processed,
        @Schema(description = "Rows imported as contacts", example = "249990") long imported,
        @Schema(description = "Rows not imported; see /imports/{id}/errors", example = "10") long failed,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why a FAILED job stopped") String failure) {

    static ImportJobView from(ImportJob j) {
        return new ImportJobView(j.id(), j.fileName(), j.status(), j.totalRows(), j.processedRows(), j.importedRows(),
                j.failedRows(), j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt(), j.failure());
    }
}
