package dev.rapport.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 from zonky's binaries, for everything that runs Rapport on a workstation: {@code ./rapport},
 * the tests, the benchmarks and the fault scenarios all start their databases here, never in a service. The
 * services' production artifacts do not contain it; a service is always given {@code RAPPORT_DB_URL}.
 * <p>
 * Each database it creates is reachable as the services' default user ({@code rapport} / {@code rapport}) and as
 * {@code postgres} / {@code postgres}. Data in a given directory survives a restart of the server.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "rapport";
    public static final String PASSWORD = "rapport";

    private final Path dataDir;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, Map<String, String> serverConfig, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.serverConfig = serverConfig;
        this.server = server;
    }

    /** A server with its data in {@code dataDir} (kept between starts) on {@code port} (0: a free one). */
    public static LocalPostgres start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /** The same with server settings ({@code shared_preload_libraries}, {@code max_connections}…). */
    public static LocalPostgres start(Path dataDir, int port, Map<String, String> serverConfig) {
        try {
            Files.createDirectories(dataDir);
            LocalPostgres pg = new LocalPostgres(dataDir, new LinkedHashMap<>(serverConfig),
                    launch(dataDir, port == 0 ? freePort() : port, serverConfig));
            pg.execute("postgres", "do $$ begin if not exists (select from pg_roles where rolname = '" + USER + "') then "
                    + "create role " + USER + " login superuser password '" + PASSWORD + "'; end if; end $$");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL in " + dataDir + " started but did not answer: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, Map<String, String> serverConfig) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setPort(port);
        serverConfig.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** Creates the database unless it exists, and answers its URL in the services' form. */
    public synchronized String database(String name) {
        try {
            try (Connection c = connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'")) {
                if (!rs.next()) {
                    s.execute("create database \"" + name + "\" owner " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** {@code postgresql://localhost:<port>/<database>}: what a service takes in {@code RAPPORT_DB_URL}. */
    public String url(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    public synchronized int port() {
        return server.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's process id (for CPU accounting in benchmarks and for fault injection). */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** A connection as {@code postgres}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "postgres");
    }

    public void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * What {@code pg_ctl restart -m immediate} does: SIGQUIT to the postmaster (every connection is cut at once, no
     * checkpoint), then the server starts again on the same data and port and recovers from the WAL. pg_ctl itself
     * refuses to run as root, which containers and CI runners often are, so the server is started again from here.
     */
    public void restartImmediately() throws IOException, InterruptedException {
        long pid = pid();
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        synchronized (this) {
            int port = server.getPort();
            server.close(); // nothing left to stop; releases the lock on the data directory
            server = launch(dataDir, port, serverConfig);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL in " + dataDir + " did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
