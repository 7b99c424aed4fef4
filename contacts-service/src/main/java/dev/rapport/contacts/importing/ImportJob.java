package dev.rapport.contacts.importing;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code import_jobs}. Read and written with SQL: the job's progress commits with JDBC batches. */
record ImportJob(UUID id, String idempotencyKey, String fileName, String filePath, String fileSha256, ImportStatus status,
        long totalRows, long processedRows, long importedRows, long failedRows, String createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, String failure, long resumeOffset, long resumeLine) {

    static final String COLUMNS = "id, idempotency_key, file_name, file_path, file_sha256, status, total_rows, processed_rows, "
            + "imported_rows, failed_rows, created_by, created_at, started_at, finished_at, failure, resume_offset, resume_line";
}
