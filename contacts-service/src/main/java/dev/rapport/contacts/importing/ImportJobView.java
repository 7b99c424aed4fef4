package dev.rapport.contacts.importing;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it. */
public record ImportJobView(
        UUID id,
        @Schema(description = "The name the file was submitted with; also the provenance source of every imported contact point",
                example = "trade-fair-2026.csv") String fileName,
        @Schema(description = "CREATE: every row a new contact; UPSERT: rows matching a contact fill it") ImportMode mode,
        ImportStatus status,
        @Schema(description = "Rows in the file, header excluded", example = "1000000") long total,
        @Schema(description = "Rows committed so far, imported or failed", example = "250000") long processed,
        @Schema(description = "Rows taken: created + matched + updated", example = "249990") long imported,
        @Schema(description = "Rows that created a contact", example = "200000") long created,
        @Schema(description = "Rows that matched a contact which already had everything they give", example = "9990") long matched,
        @Schema(description = "Rows that matched a contact and filled or added something", example = "40000") long updated,
        @Schema(description = "Rows not imported; see /imports/{id}/errors", example = "10") long failed,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why a FAILED job stopped") String failure) {

    static ImportJobView from(ImportJob j) {
        ImportJob.Counts n = j.counts();
        return new ImportJobView(j.id(), j.fileName(), j.mode(), j.status(), j.totalRows(), j.processedRows(), n.imported(),
                n.created(), n.matched(), n.updated(), n.failed(), j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt(), j.failure());
    }
}
