package dev.rapport.contacts.importing;

import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.outbox.OutboxQueries;
import dev.rapport.contacts.webhook.ContactEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch in ONE JDBC transaction: COPY into contacts, contact_points, outbox and import_outcomes, the
 * batch's row errors, what matched rows fill in existing contacts (planned batches), the job's progress (processed
 * rows and the file offset to resume from) and, with the last batch, the import.completed webhook event. Data and progress commit together,
 * so after a crash a resumed job starts at exactly the first row whose batch did not commit: nothing twice,
 * nothing lost. The progress update also checks that the job still stands where this batch started; if another
 * runner moved it on, or the previous batch written beside this one rolled back ({@link OrderedWrites}), the batch
 * is rolled back.
 *
 * <p>Why JDBC COPY and not Hibernate Reactive or the reactive SQL client: with every table on COPY the import reaches
 * 0.59x of PostgreSQL's own {@code INSERT ... SELECT} of the same rows (goal 0.7x; bench/import/README.md, 1,000,000
 * rows, 2026-12-06), so it stays on COPY. That includes its outbox events (1,597,000 for that file, 41.4 s of the
 * floor's 211.8 s): they are the only outbox rows not written by {@link OutboxQueries}'s insert, and they keep its
 * columns ({@link OutboxQueries#COPY_TARGET}). No run has measured them on that insert; the import.completed event,
 * one per job, is written by it ({@link Outbox}, on this connection).
 */
final class BatchWriter {

    /** Another runner has committed this job past the batch's start: stop, this runner's work is not needed. */
    static final class Superseded extends Exception {
        Superseded() {
            super("the job was advanced by another runner", null, false, false);
        }
    }

    private BatchWriter() {
    }

    static void write(Connection c, UUID jobId, ImportMode mode, Batch b, OrderedWrites.Turn turn, Outbox outbox)
            throws SQLException, Superseded, InterruptedException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (b.pending != null) {
                plan(c, mode, b);
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "contacts (" + Batch.CONTACT_COLUMNS + ")", b.contacts);
            copy(copy, "contact_points (" + Batch.POINT_COLUMNS + ")", b.points);
            copy(copy, OutboxQueries.COPY_TARGET, b.outbox);
            copy(copy, "import_outcomes (" + Batch.OUTCOME_COLUMNS + ")", b.outcomes);
            if (!b.errors.isEmpty()) {
                StringBuilder errors = new StringBuilder();
                for (RowError e : b.errors) {
                    errors.append(jobId).append('\t').append(e.line()).append('\t');
                    Batch.value(errors, e.field()).append('\t');
                    Batch.value(errors, e.message()).append('\n');
                }
                copy(copy, "import_errors (job_id, line, field, message)", errors);
            }
            turn.awaitPrevious();
            try (PreparedStatement s = c.prepareStatement("update import_jobs set processed_rows = processed_rows + ?, "
                    + "imported_rows = imported_rows + ?, failed_rows = failed_rows + ?, resume_offset = ?, resume_line = ?, "
                    + "created_rows = created_rows + ?, matched_rows = matched_rows + ?, updated_rows = updated_rows + ?, "
                    + "status = case when ? then 'COMPLETED' else 'RUNNING' end, "
                    + "finished_at = case when ? then now() end, updated_at = now() "
                    + "where id = ? and processed_rows = ? and status <> 'COMPLETED' "
                    + "returning mode, total_rows, imported_rows, created_rows, matched_rows, updated_rows, failed_rows")) {
                s.setLong(1, b.records);
                s.setLong(2, b.created + b.matched + b.updated);
                s.setLong(3, b.failed);
                s.setLong(4, b.endOffset);
                s.setLong(5, b.endLine);
                s.setLong(6, b.created);
                s.setLong(7, b.matched);
                s.setLong(8, b.updated);
                s.setBoolean(9, b.last);
                s.setBoolean(10, b.last);
                s.setObject(11, jobId);
                s.setLong(12, b.processedBefore);
                try (ResultSet job = s.executeQuery()) {
                    if (!job.next()) {
                        c.rollback();
                        throw new Superseded();
                    }
                    if (b.last) {
                        outbox.event(c, ContactEvents.IMPORT_COMPLETED, null, completed(jobId, job));
                    }
                }
            }
            c.commit();
            turn.passOn();
        } catch (SQLException | RuntimeException | InterruptedException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The partner webhook event import.completed, in the transaction that completes the job: counts, no rows. */
    private static ContactEvents.ImportCompleted completed(UUID jobId, ResultSet job) throws SQLException {
        return new ContactEvents.ImportCompleted(jobId, job.getString("mode"), job.getLong("total_rows"),
                job.getLong("imported_rows"), job.getLong("created_rows"), job.getLong("matched_rows"),
                job.getLong("updated_rows"), job.getLong("failed_rows"));
    }

    /**
     * Decides the pending rows against what is committed now (earlier batches included), renders them and writes
     * what they fill in existing contacts. Runs in the batch's transaction, so the matched contacts stay locked
     * until the batch commits.
     */
    private static void plan(Connection c, ImportMode mode, Batch b) throws SQLException {
        Set<String> emails = mode == ImportMode.UPSERT ? UpsertPlan.emails(b.pending) : Set.of();
        UpsertPlan.Known known = ImportMatchQueries.known(c, emails, UpsertPlan.externalIds(b.pending));
        UpsertPlan plan = new UpsertPlan(mode, known, b.renderer::newId);
        b.pending.forEach(plan::add);
        b.renderer.planned(plan);
        ImportMatchQueries.fill(c, plan.filled());
    }

    private static void copy(CopyManager copy, String target, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = copy.copyIn("COPY " + target + " FROM STDIN");
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
