package dev.rapport.contacts.importing;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for import jobs. Writers use JDBC, because the import itself runs on the JDBC datasource (COPY) and a job's
 * progress must commit in the same transaction as its rows; the read endpoints use the reactive client.
 */
@ApplicationScoped
public class ImportJobs {
    @Inject
    AgroalDataSource jdbc;
    @Inject
    Pool reactive;

    Connection connection() throws SQLException {
        return jdbc.getConnection();
    }

    Optional<ImportJob> findByKey(String key) throws SQLException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("select " + ImportJob.COLUMNS + " from import_jobs where idempotency_key = ?")) {
            s.setString(1, key);
            return one(s);
        }
    }

    Optional<ImportJob> findById(UUID id) throws SQLException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("select " + ImportJob.COLUMNS + " from import_jobs where id = ?")) {
            s.setObject(1, id);
            return one(s);
        }
    }

    List<UUID> unfinished() throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "select id from import_jobs where status in ('QUEUED', 'RUNNING') order by created_at")) {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** Inserts the job unless its idempotency key is taken; false when another request got there first. */
    boolean insert(ImportJob j) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("insert into import_jobs (id, idempotency_key, "
                + "file_name, file_path, file_sha256, status, total_rows, created_by, created_at, updated_at, resume_offset, resume_line, "
                + "mode) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing")) {
            s.setObject(1, j.id());
            s.setString(2, j.idempotencyKey());
            s.setString(3, j.fileName());
            s.setString(4, j.filePath());
            s.setString(5, j.fileSha256());
            s.setString(6, j.status().name());
            s.setLong(7, j.totalRows());
            s.setString(8, j.createdBy());
            s.setTimestamp(9, Timestamp.from(j.createdAt()));
            s.setTimestamp(10, Timestamp.from(j.createdAt()));
            s.setLong(11, j.resumeOffset());
            s.setLong(12, j.resumeLine());
            s.setString(13, j.mode().name());
            return s.executeUpdate() == 1;
        }
    }

    void markRunning(UUID id) throws SQLException {
        update("update import_jobs set status = 'RUNNING', failure = null, started_at = coalesce(started_at, now()), "
                + "updated_at = now() where id = ? and status <> 'COMPLETED'", id, null);
    }

    void markFailed(UUID id, String failure) throws SQLException {
        update("update import_jobs set status = 'FAILED', failure = ?, updated_at = now() where id = ? and status <> 'COMPLETED'",
                id, failure);
    }

    void updateFilePath(UUID id, String path) throws SQLException {
        update("update import_jobs set file_path = ? where id = ?", id, path);
    }

    private void update(String sql, UUID id, String text) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                s.setString(i++, text);
            }
            s.setObject(i, id);
            s.executeUpdate();
        }
    }

    /** Organisation ids by lower-cased domain, for the organisation_domain column. */
    Map<String, UUID> organisationsByDomain() throws SQLException {
        Map<String, UUID> byDomain = new HashMap<>();
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("select domain, id from organisations where domain is not null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                byDomain.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getObject(2, UUID.class));
            }
        }
        return byDomain;
    }

    private static Optional<ImportJob> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ImportJob(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
                    rs.getString("file_name"), rs.getString("file_path"), rs.getString("file_sha256"),
                    ImportMode.valueOf(rs.getString("mode")), ImportStatus.valueOf(rs.getString("status")),
                    rs.getLong("total_rows"), rs.getLong("processed_rows"),
                    new ImportJob.Counts(rs.getLong("imported_rows"), rs.getLong("created_rows"), rs.getLong("matched_rows"),
                            rs.getLong("updated_rows"), rs.getLong("failed_rows")), rs.getString("created_by"),
                    instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                    instant(rs.getTimestamp("finished_at")), rs.getString("failure"), rs.getLong("resume_offset"),
                    rs.getLong("resume_line")));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // --- reads for the API (reactive) ---

    public Uni<ImportJob> find(UUID id) {
        return reactive.preparedQuery("select " + ImportJob.COLUMNS + " from import_jobs where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    /** Errors of a job in (line, field) order, after the given position; {@code limit + 1} rows to tell if more exist. */
    public Uni<List<RowError>> errors(UUID jobId, long afterLine, String afterField, int limit) {
        return reactive.preparedQuery("select line, field, message from import_errors where job_id = $1 "
                        + "and (line, field) > ($2, $3) order by line, field limit $4")
                .execute(Tuple.of(jobId, afterLine, afterField, limit + 1))
                .map(rows -> {
                    List<RowError> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new RowError(r.getLong("line"), r.getString("field"), r.getString("message"))));
                    return out;
                });
    }

    /** Outcomes of a job's rows in line order after {@code afterLine}, optionally of one kind; {@code limit + 1} rows. */
    public Uni<List<RowOutcomeView>> outcomes(UUID jobId, ImportOutcome outcome, long afterLine, int limit) {
        return reactive.preparedQuery("select line, outcome, contact_id, changed from import_outcomes where job_id = $1 "
                        + "and line > $2 and ($3::text is null or outcome = $3) order by line limit $4")
                .execute(Tuple.of(jobId, afterLine, outcome == null ? null : outcome.name(), limit + 1))
                .map(rows -> {
                    List<RowOutcomeView> out = new ArrayList<>();
                    rows.forEach(r -> {
                        String[] changed = r.getArrayOfStrings("changed");
                        out.add(new RowOutcomeView(r.getLong("line"), ImportOutcome.valueOf(r.getString("outcome")),
                                r.getUUID("contact_id"), changed == null ? List.of() : List.of(changed)));
                    });
                    return out;
                });
    }

    private static ImportJob job(Row r) {
        return new ImportJob(r.getUUID("id"), r.getString("idempotency_key"), r.getString("file_name"), r.getString("file_path"),
                r.getString("file_sha256"), ImportMode.valueOf(r.getString("mode")), ImportStatus.valueOf(r.getString("status")),
                r.getLong("total_rows"), r.getLong("processed_rows"),
                new ImportJob.Counts(r.getLong("imported_rows"), r.getLong("created_rows"), r.getLong("matched_rows"),
                        r.getLong("updated_rows"), r.getLong("failed_rows")), r.getString("created_by"),
                instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("started_at")),
                instant(r.getOffsetDateTime("finished_at")), r.getString("failure"), r.getLong("resume_offset"),
                r.getLong("resume_line"));
    }

    private static Instant instant(java.time.OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
