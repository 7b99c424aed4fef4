package dev.rapport.devstack.testing;

import dev.rapport.devstack.DevStack;
import dev.rapport.devstack.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: one embedded server per JVM on a random port, and a fresh database for each
 * application start. {@code -Drapport.test.db.url=postgresql://host:port/db} (with {@code rapport.test.db.username}
 * and {@code rapport.test.db.password}) uses an external server instead; a fresh database is created there too.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static LocalPostgres embedded;

    private String adminUrl;
    private String user;
    private String password;

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("rapport.test.db.url");
        if (external != null && !external.isBlank()) {
            adminUrl = "jdbc:" + external;
            user = System.getProperty("rapport.test.db.username", "postgres");
            password = System.getProperty("rapport.test.db.password", "postgres");
        } else {
            LocalPostgres pg = shared();
            adminUrl = "jdbc:postgresql://localhost:" + pg.port() + "/postgres";
            user = "postgres";
            password = "postgres";
        }
        String db = "rapport_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + db);
        String base = adminUrl.substring("jdbc:".length(), adminUrl.lastIndexOf('/') + 1);
        return Map.of(
                "rapport.db.url", base + db,
                "rapport.db.username", user,
                "rapport.db.password", password);
    }

    /** The embedded server of this JVM, started on first use in a temporary data directory. */
    public static synchronized LocalPostgres shared() {
        if (embedded == null) {
            try {
                Path data = Files.createTempDirectory("rapport-test-pg");
                // pg_stat_statements lets tests count the statements a bulk read costs (StatementCount).
                embedded = LocalPostgres.start(data, 0, DevStack.STATEMENT_STATISTICS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPostgres server = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try (var files = Files.walk(server.dataDir())) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException | UncheckedIOException ignored) {
                    // a temporary directory; the JVM is exiting
                }
            }));
        }
        return embedded;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        // The database is left for inspection; the embedded server goes with the JVM.
    }
}
