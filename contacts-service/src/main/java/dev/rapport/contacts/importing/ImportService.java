package dev.rapport.contacts.importing;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts import files and answers about their jobs. A file is stored and checked (UTF-8, header, row count)
 * before its job exists; once the job row commits, the 202 is a promise that every row will be imported or
 * reported. The Idempotency-Key identifies the job: the same key with the same file returns it (and resumes it
 * if it was interrupted), with another file it is refused.
 */
@ApplicationScoped
public class ImportService {
    @Inject
    ImportJobs jobs;
    @Inject
    ImportRunner runner;
    @Inject
    ImportConfig config;

    /** Blocking: reads the request body to disk. Returns the job, new or the one this key already names. */
    public ImportJobView submit(String key, String fileName, ImportMode mode, InputStream body, String createdBy) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ProblemException.badField(Idempotency.HEADER,
                    "is required (1 to 200 characters); re-sending a file with the same key returns the same job");
        }
        String name = fileName(fileName);
        UUID id = Ids.newId();
        try {
            Files.createDirectories(config.directory());
            Path part = config.directory().resolve(id + ".csv.part");
            try {
                ImportUpload.Received received = receive(body, part);
                Optional<ImportJob> existing = jobs.findByKey(key);
                if (existing.isPresent()) {
                    return resubmitted(existing.get(), received, name, mode, part);
                }
                ImportUpload.Scanned scanned = ImportUpload.scan(received, part);
                Path file = config.directory().resolve(id + ".csv");
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                ImportJob job = new ImportJob(id, key, name, file.toString(), received.sha256(), mode, ImportStatus.QUEUED,
                        scanned.rows(), 0, ImportJob.Counts.NONE, createdBy, Instant.now(), null, null, null, scanned.dataOffset(),
                        scanned.dataLine());
                boolean inserted;
                try {
                    inserted = jobs.insert(job);
                } catch (SQLException e) {
                    Files.deleteIfExists(file); // never acknowledged: the client retries with the same key
                    throw e;
                }
                if (!inserted) {
                    // A concurrent request with the same key won; answer as its re-submission.
                    Files.move(file, part, StandardCopyOption.ATOMIC_MOVE);
                    return resubmitted(jobs.findByKey(key).orElseThrow(), received, name, mode, part);
                }
                runner.start(id);
                return ImportJobView.from(job);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Import job store unavailable", e);
        }
    }

    private static ImportUpload.Received receive(InputStream body, Path part) throws IOException {
        try {
            return ImportUpload.receive(body, part);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw ProblemException.badField("body", "could not be read to the end");
        }
    }

    private ImportJobView resubmitted(ImportJob job, ImportUpload.Received received, String name, ImportMode mode, Path upload)
            throws IOException, SQLException {
        if (!job.fileSha256().equals(received.sha256()) || !job.fileName().equals(name)) {
            throw ProblemException.rule("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different file (job " + job.id() + ")");
        }
        if (job.mode() != mode) {
            throw ProblemException.rule("idempotency-key-reused",
                    "This Idempotency-Key was already used for this file with mode " + job.mode() + " (job " + job.id() + ")");
        }
        if (!job.status().isFinished()) {
            Path file = Path.of(job.filePath());
            if (!Files.exists(file)) {
                // The stored copy is gone (e.g. a new disk); the bytes just received are the same file.
                Files.move(upload, file, StandardCopyOption.ATOMIC_MOVE);
            }
            runner.start(job.id());
        }
        return ImportJobView.from(job);
    }

    static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badField("fileName",
                    "is required: give the query parameter fileName or a Content-Disposition header with filename");
        }
        String name = raw.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField("fileName", "must be 1 to 255 characters without control characters");
        }
        return name;
    }

    public Uni<ImportJobView> get(UUID id) {
        return jobs.find(id).map(j -> {
            if (j == null) {
                throw ProblemException.notFound("Import", id);
            }
            return ImportJobView.from(j);
        });
    }

    public Uni<Page<RowOutcomeView>> outcomes(UUID id, ImportOutcome outcome, String cursor, Integer limit) {
        int size = Cursor.limit(limit, config.errorsPageSize(), config.errorsPageMax());
        List<String> after = Cursor.decode(cursor, 1);
        long afterLine;
        try {
            afterLine = after.isEmpty() ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        return get(id).chain(job -> jobs.outcomes(id, outcome, afterLine, size))
                .map(rows -> Page.of(rows, size, r -> r, r -> Cursor.encode(r.line())));
    }

    public Uni<Page<ImportErrorView>> errors(UUID id, String cursor, Integer limit) {
        int size = Cursor.limit(limit, config.errorsPageSize(), config.errorsPageMax());
        List<String> after = Cursor.decode(cursor, 2);
        long afterLine;
        try {
            afterLine = after.isEmpty() ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        String afterField = after.isEmpty() ? "" : after.get(1);
        return get(id).chain(job -> jobs.errors(id, afterLine, afterField, size))
                .map(rows -> Page.of(rows, size, ImportErrorView::from, e -> Cursor.encode(e.line(), e.field())));
    }
}
