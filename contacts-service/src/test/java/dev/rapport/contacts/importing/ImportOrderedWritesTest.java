package dev.rapport.contacts.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.PointContext;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.platform.id.Ids;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two batches of a job written at once on two connections: the later one's rows are inserted while the earlier one is
 * still being written, yet progress commits in file order, and the later batch does not commit at all when the
 * earlier one rolls back, so a resumed job never skips rows.
 */
@QuarkusTest
class ImportOrderedWritesTest {
    @Inject
    ImportJobs jobs;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    dev.rapport.contacts.outbox.Outbox outbox;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aLaterBatchWrittenFirstCommitsAfterTheEarlierOne() throws Exception {
        ImportJob job = job(200);
        String source = job.fileName();
        CountDownLatch laterInserted = new CountDownLatch(1);
        try (OrderedWrites writes = new OrderedWrites(pool, 2)) {
            writes.submit(turn -> {
                // the earlier batch starts only once the later one has inserted its rows and waits for its turn
                laterInserted.await(30, TimeUnit.SECONDS);
                write(job, batch(job, 0, 100, false), turn);
            });
            writes.submit(turn -> write(job, batch(job, 100, 100, true), new OrderedWrites.Turn() {
                @Override
                public void awaitPrevious() throws InterruptedException {
                    laterInserted.countDown();
                    turn.awaitPrevious();
                }

                @Override
                public void passOn() {
                    turn.passOn();
                }
            }));
            writes.drain();
        }
        assertEquals(200, count("select processed_rows from import_jobs where id = ?", job.id()));
        assertEquals("COMPLETED", status(job.id()));
        assertEquals(200, count("select count(*) from contact_points where provenance_source = ?", source));
        assertEquals(200, count("select count(*) from import_outcomes where job_id = ?", job.id()));
    }

    @Test
    void aLaterBatchDoesNotCommitWhenTheEarlierOneRollsBack() throws Exception {
        ImportJob job = job(200);
        String source = job.fileName();
        try (OrderedWrites writes = new OrderedWrites(pool, 2)) {
            writes.submit(turn -> {
                Batch broken = batch(job, 0, 100, false);
                broken.contacts.append("not a row\n"); // COPY refuses it: the earlier batch rolls back
                Thread.sleep(200); // after the later batch has inserted its rows
                write(job, broken, turn);
            });
            writes.submit(turn -> write(job, batch(job, 100, 100, true), turn));
            assertThrows(SQLException.class, writes::drain);
        }
        assertEquals(0, count("select processed_rows from import_jobs where id = ?", job.id()));
        assertEquals(0, count("select count(*) from contact_points where provenance_source = ?", source));
        assertEquals(0, count("select count(*) from import_outcomes where job_id = ?", job.id()));
        jobs.markFailed(job.id(), "stopped by the test"); // not resumed by a later start of the service
    }

    private ImportJob job(long rows) throws Exception {
        UUID id = Ids.newId();
        ImportJob job = new ImportJob(id, "k-" + id, "ordered-" + id + ".csv", "unused", "sha", ImportMode.CREATE,
                ImportStatus.RUNNING, rows, 0, ImportJob.Counts.NONE, "test", Instant.now(), null, null, null, 0, 1);
        jobs.insert(job);
        return job;
    }

    private Batch batch(ImportJob job, long before, int rows, boolean last) {
        Batch.Builder builder = new Batch.Builder(json.writerFor(ContactPointChange.class), job, false);
        for (long line = before + 2; line < before + 2 + rows; line++) {
            String address = "row" + line + "-" + job.id() + "@example.com";
            builder.add(new RowCheck.Checked(new ContactRow(line, "Ada", "Row " + line, "Ada Row " + line, null, null,
                    LifecycleStage.LEAD, List.of(), null, null,
                    List.of(new ContactRow.Point(Channel.EMAIL, address, PointContext.WORK))), List.of()), line);
        }
        return builder.build(before, 0, before + rows + 1, last);
    }

    private void write(ImportJob job, Batch batch, OrderedWrites.Turn turn) throws Exception {
        try (Connection c = db.getConnection()) {
            BatchWriter.write(c, job.id(), job.mode(), batch, turn, outbox);
        }
    }

    private String status(UUID id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select status from import_jobs where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql, Object arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
