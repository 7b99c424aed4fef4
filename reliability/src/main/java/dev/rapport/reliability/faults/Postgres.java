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
    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final Thread hook = new Thread(this::stopServer);
    private Process restarted;

    private Postgres(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Postgres start(String... databases) throws IOException {
        Path dir = Files.createTempDirectory("rapport-faults-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setPort(Suite.freePort()).setServerConfig("max_connections", "300").start();
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
     * checkpoint), then the same server command line again, which recovers from the WAL. Done by hand because
     * {@code pg_ctl} refuses to run as root, which containers and CI runners often are; zonky's binaries do not.
     */
    void restartImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        List<String> command = commandLine(pid);
        signal(pid, "QUIT");
        ProcessHandle old = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (old != null && old.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        synchronized (this) {
            restarted = pb.start();
        }
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException starting) {
                if (!restarted.isAlive()) {
                    throw new IOException("PostgreSQL did not start again (exit " + restarted.exitValue() + ")");
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within 60 s of its restart");
    }

    /** The postmaster's own command line (Linux: /proc; elsewhere from postmaster.opts, written at start). */
    private List<String> commandLine(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.exists(proc)) {
            String raw = new String(Files.readAllBytes(proc), java.nio.charset.StandardCharsets.UTF_8);
            return List.of(raw.split("\u0000"));
        }
        String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        List<String> args = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args;
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
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
        if (restarted != null) {
            // ours since the restart: zonky only knows the process it started
            try {
                signal(restarted.pid(), "INT");
                if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (IOException | InterruptedException e) {
                restarted.destroyForcibly();
            }
            restarted = null;
            return;
        }
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
