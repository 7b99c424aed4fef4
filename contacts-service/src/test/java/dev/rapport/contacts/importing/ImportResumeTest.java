package dev.rapport.contacts.importing;

import static dev.rapport.contacts.importing.ImportResourceTest.awaitCompleted;
import static dev.rapport.contacts.importing.ImportResourceTest.generated;
import static dev.rapport.contacts.importing.ImportResourceTest.submit;
import static dev.rapport.contacts.importing.ImportResourceTest.utf8;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.platform.id.Ids;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job interrupted mid-file (as by kill -9 after some batches committed) and then re-submitted finishes with
 * exactly one contact per good row and one error per bad row.
 */
@QuarkusTest
class ImportResumeTest {
    @Inject
    ImportRunner runner;
    @Inject
    ImportJobs jobs;
    @Inject
    ImportConfig config;
    @Inject
    AgroalDataSource db;

    @Test
    void resubmittingAnInterruptedJobResumesWhereItsLastBatchCommitted() throws Exception {
        String file = "resume-" + UUID.randomUUID() + ".csv";
        String key = "k-" + UUID.randomUUID();
        int rows = 1000;
        byte[] csv = utf8(generated(file, rows));
        UUID id = accepted(key, file, csv);

        runner.run(id, 3); // then "the process dies": the job is left RUNNING after three batches of 100
        as("agent").get("/imports/" + id).then().body("status", equalTo("RUNNING")).body("processed", equalTo(300))
                .body("total", equalTo(rows)).body("failed", equalTo(300 / 7));
        assertEquals(300 - 300 / 7, contactsFrom(file));

        submit(key, file, csv).statusCode(202).body("id", equalTo(id.toString()));
        awaitCompleted(id.toString());
        int bad = rows / 7;
        as("agent").get("/imports/" + id).then().body("processed", equalTo(rows)).body("imported", equalTo(rows - bad))
                .body("failed", equalTo(bad));
        assertEquals(rows - bad, contactsFrom(file));
        assertEquals(rows - bad, count("select count(distinct address) from contact_points where provenance_source = ? "
                + "and channel = 'EMAIL'", file));
        assertEquals(bad, count("select count(*) from import_errors where job_id = ?", id));
        assertEquals(count("select count(*) from contact_points where provenance_source = ?", file),
                count("select count(*) from outbox where payload::json->>'provenanceSource' = ?", file));
        assertEquals(0, count("select count(*) from (select c.given_name from contacts c join contact_points p "
                + "on p.contact_id = c.id and p.channel = 'EMAIL' where p.provenance_source = ? group by c.given_name "
                + "having count(*) > 1) d", file));
    }

    @Test
    void aJobWhoseStoredFileWasLostIsResumedFromTheResubmittedBytes() throws Exception {
        String file = "lost-" + UUID.randomUUID() + ".csv";
        String key = "k-" + UUID.randomUUID();
        byte[] csv = utf8(generated(file, 350));
        UUID id = accepted(key, file, csv);
        runner.run(id, 1);
        Files.delete(Path.of(jobs.findById(id).orElseThrow().filePath()));

        submit(key, file, csv).statusCode(202);
        awaitCompleted(id.toString());
        assertEquals(350 - 350 / 7, contactsFrom(file));
    }

    /** What POST /imports stores before it starts the job; here the test, not the service, runs it. */
    private UUID accepted(String key, String fileName, byte[] csv) throws Exception {
        UUID id = Ids.newId();
        Files.createDirectories(config.directory());
        Path path = config.directory().resolve(id + ".csv");
        ImportUpload.Received received = ImportUpload.receive(new ByteArrayInputStream(csv), path);
        ImportUpload.Scanned scanned = ImportUpload.scan(received, path);
        jobs.insert(new ImportJob(id, key, fileName, path.toString(), received.sha256(), ImportMode.CREATE, ImportStatus.QUEUED,
                scanned.rows(), 0, ImportJob.Counts.NONE, "test", Instant.now(), null, null, null, scanned.dataOffset(), scanned.dataLine()));
        return id;
    }

    private long contactsFrom(String file) throws Exception {
        return count("select count(*) from contacts c where exists (select 1 from contact_points p "
                + "where p.contact_id = c.id and p.provenance_source = ? and p.channel = 'EMAIL')", file);
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
