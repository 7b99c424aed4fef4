package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: a large generated CSV import; contacts-service is killed ({@code kill -9}) half-way, restarted, and the
 * same file re-submitted with the same Idempotency-Key. The job must finish with exactly one contact (and its two
 * contact points) per row: nothing duplicated, nothing skipped.
 */
final class ImportKilled implements Scenario {
    @Override
    public String name() {
        return "import-killed";
    }

    @Override
    public String summary() {
        return "kill -9 contacts-service half-way through a CSV import, re-submit with the same key: exact row count";
    }

    @Override
    public Report run(Options o) throws Exception {
        String run = "i" + Long.toString(System.currentTimeMillis(), 36);
        String fileName = "faults-" + run + ".csv";
        Path csv = generate(o.workDir().resolve(fileName), run, o.rows());
        try (Rig rig = Rig.start(o.repo(), List.of(Suite.CONTACTS), b -> { })) {
            byte[] body = Files.readAllBytes(csv);
            String imports = rig.url(Suite.CONTACTS) + "/imports?fileName=" + fileName;
            Map<String, String> headers = Map.of("Content-Type", "text/csv", "Idempotency-Key", run);
            long t0 = System.nanoTime();
            JsonNode job = Api.expect(Fixtures.patiently(() -> rig.api.post(imports, rig.admin, body, headers)), "POST /imports");
            String jobUrl = rig.url(Suite.CONTACTS) + "/imports/" + job.path("id").asText();
            long killAt = o.rows() / 2;
            JsonNode seen = poll(rig, jobUrl, j -> j.path("processed").asLong() >= killAt || "COMPLETED".equals(j.path("status").asText()));
            long processedAtKill = seen.path("processed").asLong();
            Rig.log("kill -9 contacts-service at " + processedAtKill + " of " + o.rows() + " rows");
            double down = rig.crashAndRestart(Suite.CONTACTS, Duration.ofSeconds(1));
            // the same file with the same key: safe to send again until it gets an answer
            JsonNode again = Api.expect(Fixtures.patiently(() -> rig.api.post(imports, rig.admin, body, headers)),
                    "re-submitted POST /imports");
            JsonNode done = poll(rig, jobUrl, j -> "COMPLETED".equals(j.path("status").asText())
                    || "FAILED".equals(j.path("status").asText()));
            double seconds = (System.nanoTime() - t0) / 1e9;

            long contacts = rig.pg.count("contacts", "select count(distinct contact_id) from contact_points where provenance_source = '"
                    + fileName + "'");
            long points = rig.pg.count("contacts", "select count(*) from contact_points where provenance_source = '" + fileName + "'");
            long distinctAddresses = rig.pg.count("contacts", "select count(distinct address) from contact_points where provenance_source = '"
                    + fileName + "'");
            long named = rig.pg.count("contacts", "select count(*) from contacts where family_name like '" + run + "-%'");
            long distinctNames = rig.pg.count("contacts", "select count(distinct family_name) from contacts where family_name like '"
                    + run + "-%'");
            long outbox = rig.pg.count("contacts", "select count(*) from outbox where payload like '%" + fileName + "%'");

            Report report = new Report("5. Bulk import killed half-way (" + o.rows() + " rows)", "figure", "value");
            report.row("rows in the file", o.rows());
            report.row("rows committed when killed", processedAtKill);
            report.row("kill to ready (s)", String.format("%.1f", down));
            report.row("re-submission answered the same job", again.path("id").asText().equals(job.path("id").asText()));
            report.row("job status / imported / failed", done.path("status").asText() + " / " + done.path("imported").asLong()
                    + " / " + done.path("failed").asLong());
            report.row("contacts in the database (distinct names)", named + " (" + distinctNames + ")");
            report.row("contact points (distinct addresses)", points + " (" + distinctAddresses + ")");
            report.row("outbox events for the file", outbox);
            report.row("duplicated rows", named - distinctNames);
            report.row("missing rows", o.rows() - distinctNames);
            report.row("total time (s)", String.format("%.1f", seconds));
            report.require("the re-submission with the same key resumes the same job", again.path("id").asText()
                    .equals(job.path("id").asText()));
            report.require("the job completes with imported = rows", "COMPLETED".equals(done.path("status").asText())
                    && done.path("imported").asLong() == o.rows() && done.path("failed").asLong() == 0);
            report.require("exactly one contact per row (no duplicates, no gaps)", named == o.rows() && distinctNames == o.rows()
                    && contacts == o.rows());
            report.require("exactly two contact points per row, each with one outbox event",
                    points == 2L * o.rows() && distinctAddresses == 2L * o.rows() && outbox == 2L * o.rows());
            return report;
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static JsonNode poll(Rig rig, String url, java.util.function.Predicate<JsonNode> until)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Api.Answer a = rig.api.get(url, rig.admin);
                if (a.ok() && until.test(a.body())) {
                    return a.body();
                }
            } catch (IOException restarting) {
                // ask again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the import job did not get there within 20 minutes");
    }

    /** One person per row with a unique family name, an e-mail and a phone number; a few quoted fields. */
    static Path generate(Path file, String run, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("given_name,family_name,email,phone,tags,lifecycle_stage\n");
            for (int i = 0; i < rows; i++) {
                w.write(i % 10 == 0 ? "\"Ada, " + i + "\"" : "Ada");
                w.write("," + run + "-" + i + "," + run + "." + i + "@example.com,+44207" + String.format("%07d", i)
                        + ",faults;import," + (i % 2 == 0 ? "lead" : "customer") + "\n");
            }
        }
        return file;
    }
}
