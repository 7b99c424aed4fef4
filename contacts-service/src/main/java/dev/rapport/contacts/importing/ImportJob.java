package dev.rapport.contacts.importing;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code import_jobs}. Read and written with SQL: the job's progress commits with JDBC batches. */
record ImportJob(UUID id, String idempotencyKey, String fileName, String filePath, String fileSha256, ImportMode mode,
        ImportStatus status, long totalRows, long processedRows, Counts counts, String createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, String failure, long resumeOffset, long resumeLine) {

    /** Rows by outcome; imported = created + matched + updated. */
    record Counts(long imported, long created, long matched, long updated, long failed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    static final String COLUMNS = "id, idempotency_key, file_name, file_path, file_sha256, mode, status, total_rows, "
            + "processed_rows, imported_rows, created_rows, matched_rows, updated_rows, failed_rows, created_by, created_at, "
            + "started_at, finished_at, failure, resume_offset, resume_line";
}
