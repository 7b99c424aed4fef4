package dev.rapport.platform.db;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A service keeps its data in the PostgreSQL it is given ({@code RAPPORT_DB_URL} / {@code rapport.db.url}), in
 * every profile: nothing in a service's artifact can start a database. Without one it refuses to start and says
 * which variable to set, before Quarkus starts. Local runs get theirs from the development stack ({@code ./rapport},
 * the tests, {@code bench/} and the fault scenarios start an embedded PostgreSQL and pass its URL).
 */
public final class DatabaseRequired {
    private DatabaseRequired() {
    }

    /** Exits with status 1 and the reason on standard error when no database URL is configured. */
    public static void orExit(String service, String database) {
        refusal(service, database, System.getenv(), System.getProperties()).ifPresent(reason -> {
            System.err.println(reason);
            System.exit(1);
        });
    }

    /** Why the service may not start, or empty when a database URL is configured. */
    static Optional<String> refusal(String service, String database, Map<String, String> env, Properties properties) {
        if (!blank(properties.getProperty("rapport.db.url")) || !blank(env.get("RAPPORT_DB_URL"))) {
            return Optional.empty();
        }
        return Optional.of(service + " does not start: RAPPORT_DB_URL is not set. Set it to this service's PostgreSQL "
                + "database (RAPPORT_DB_URL=postgresql://host:5432/" + database + ") with RAPPORT_DB_USERNAME and "
                + "RAPPORT_DB_PASSWORD. To try Rapport on a workstation, ./rapport starts an embedded PostgreSQL and "
                + "sets it for you.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
