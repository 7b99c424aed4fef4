package dev.rapport.reliability.faults;

import dev.rapport.platform.testing.suite.Suite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL server the scenario owns (zonky's binaries), shared by the services it runs, each with its own
 * database and the services' default credentials. Unlike a service's embedded default it outlives a killed service,
 * and the scenario can restart it ({@code pg_ctl restart -m immediate}) or read the services' tables to check them.
 */
final class Postgres implements AutoCloseable {
    private EmbeddedPostgres pg;
    private final Path dataDir;
    private final Thread hook = new Thread(this::stopServer);

    private Postgres(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Postgres start(String... databases) throws IOException {
        Path dir = Files.createTempDirectory("rapport-faults-pg");
        EmbeddedPostgres pg = builder(dir, Suite.freePort()).start();
        Postgres p = new Postgres(pg, dir);
        try {
            p.execute("postgres", "create role rapport login superuser password 'rapport'");
            for (String db : databases) {
                p.execute("postgres", "create database \"" + db + "\" owner rapport");
            }
        } catch (SQLException e) {
            p.close();
            throw new IOException("Could not prepare the databases", e);
        }
        return p;
    }

    int port() {
        return pg.getPort();
    }

    /** The URL a service takes in {@code RAPPORT_DB_URL}, optionally through another port (a proxy). */
    String url(String database, int viaPort) {
        return "postgresql://localhost:" + viaPort + "/" + database;
    }

    String url(String database) {
        return url(database, port());
    }

    /**
     * What {@code pg_ctl restart -m immediate} does: SIGQUIT to the postmaster (every connection is cut at once, no
     * checkpoint), then the server starts again on the same data and port and recovers from the WAL. pg_ctl itself
     * refuses to run as root, which containers and CI runners often are, so zonky starts it again.
     */
    void restartImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        synchronized (this) {
            pg.close(); // nothing left to stop; releases zonky's lock on the data directory
            pg = builder(dataDir, pg.getPort()).start();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port) {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "300");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows of a query, each as an array of strings. */
    List<String[]> query(String database, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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

    private synchronized void stopServer() {
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "postgres");
    }

    @Override
    public void close() {
        stopServer();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
