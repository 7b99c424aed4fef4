package dev.rapport.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * The embedded default: when no database URL is configured ({@code RAPPORT_DB_URL} / {@code rapport.db.url}),
 * a service starts a real PostgreSQL whose data lives in {@code ${RAPPORT_DATA_DIR:-data}/<service>/postgres}
 * and survives restarts. With a URL configured nothing is started and that server is used.
 * <p>
 * Never in production by accident: in a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} set) or with
 * {@code RAPPORT_DB_EMBEDDED=false}, a service without a database URL refuses to start and says which variable is
 * missing, instead of keeping its data in a PostgreSQL inside the container that the next restart throws away.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    public static synchronized void startUnlessConfigured(String service) {
        if (running != null || isConfigured()) {
            return;
        }
        String refusal = refusal(service, System.getenv());
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        Path dataDir = Path.of(setting("RAPPORT_DATA_DIR", "rapport.data-dir", "data"), service, "postgres").toAbsolutePath();
        int port = Integer.parseInt(setting("RAPPORT_DB_PORT", "rapport.db.port", "0"));
        try {
            Files.createDirectories(dataDir);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? freePort() : port)
                    .start();
            ensureDatabase(running, service);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
        String url = "postgresql://localhost:" + running.getPort() + "/" + service;
        System.setProperty("rapport.db.url", url);
        System.setProperty("rapport.db.username", "postgres");
        System.setProperty("rapport.db.password", "postgres");
        LOG.infof("Embedded PostgreSQL for %s at %s (data in %s)", service, url, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
    }

    /** Why this service may not start an embedded database here, or null when it may. */
    static String refusal(String service, java.util.Map<String, String> env) {
        if ("false".equalsIgnoreCase(env.getOrDefault("RAPPORT_DB_EMBEDDED", "").trim())) {
            return service + ": RAPPORT_DB_URL is not set and RAPPORT_DB_EMBEDDED=false: set RAPPORT_DB_URL "
                    + "(postgresql://host:5432/" + service + ") with RAPPORT_DB_USERNAME and RAPPORT_DB_PASSWORD";
        }
        if (env.containsKey("KUBERNETES_SERVICE_HOST") && !"true".equalsIgnoreCase(env.getOrDefault("RAPPORT_DB_EMBEDDED", "").trim())) {
            return service + ": RAPPORT_DB_URL is not set in a Kubernetes pod: set RAPPORT_DB_URL (postgresql://host:5432/"
                    + service + ") with RAPPORT_DB_USERNAME and RAPPORT_DB_PASSWORD (an embedded PostgreSQL would lose "
                    + "its data with the pod; RAPPORT_DB_EMBEDDED=true allows it for a throw-away try-out)";
        }
        return null;
    }

    static boolean isConfigured() {
        return System.getProperty("rapport.db.url") != null || System.getenv("RAPPORT_DB_URL") != null;
    }

    private static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            running = null;
        }
    }

    private static void ensureDatabase(EmbeddedPostgres pg, String name) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database \"" + name + "\"");
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not create database " + name, e);
        }
    }

    private static String setting(String env, String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
