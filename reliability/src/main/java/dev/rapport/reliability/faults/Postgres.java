package dev.rapport.reliability.faults;

import dev.rapport.devstack.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL server the scenario owns ({@link LocalPostgres}), shared by the services it runs, each with its own
 * database and the services' default credentials. It outlives a killed service, and the scenario can restart it
 * ({@code pg_ctl restart -m immediate}) or read the services' tables to check them.
 */
final class Postgres implements AutoCloseable {
    private final LocalPostgres pg;
    private final Thread hook;

    private Postgres(LocalPostgres pg) {
        this.pg = pg;
        this.hook = new Thread(pg::close);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Postgres start(String... databases) throws IOException {
        Path dir = Files.createTempDirectory("rapport-faults-pg");
        Postgres p = new Postgres(LocalPostgres.start(dir, 0, Map.of("max_connections", "300")));
        try {
            for (String db : databases) {
                p.pg.database(db);
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    int port() {
        return pg.port();
    }

    /** The URL a service takes in {@code RAPPORT_DB_URL}, optionally through another port (a proxy). */
    String url(String database, int viaPort) {
        return "postgresql://localhost:" + viaPort + "/" + database;
    }

    String url(String database) {
        return pg.url(database);
    }

    /** {@code pg_ctl restart -m immediate}: every connection cut at once, recovery from the WAL (LocalPostgres). */
    void restartImmediately() throws IOException, InterruptedException {
        pg.restartImmediately();
    }

    void execute(String database, String sql) throws SQLException {
        pg.execute(database, sql);
    }

    /** Rows of a query, each as an array of strings. */
    List<String[]> query(String database, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = pg.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    long count(String database, String sql) throws SQLException {
        return Long.parseLong(query(database, sql).get(0)[0]);
    }

    @Override
    public void close() {
        pg.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
        try (var files = Files.walk(pg.dataDir())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
