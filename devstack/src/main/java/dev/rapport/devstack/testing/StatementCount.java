package dev.rapport.devstack.testing;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the SQL statements a piece of work makes the server execute, as PostgreSQL itself counts them
 * ({@code pg_stat_statements}: every statement executed in the test's database, whoever sent it — Hibernate, the
 * reactive client, a trigger's caller — utility statements such as BEGIN and COMMIT included). The embedded server
 * preloads the module ({@link PostgresResource}); an external server must too. A statement sent by something else
 * at the same moment (a background job) would add to a count, never take from it, so {@link #min} repeats the work
 * and keeps the smallest count.
 */
public final class StatementCount implements AutoCloseable {
    private static final String MINE = "%pg_stat_statements%";

    private final Connection connection;

    private StatementCount(Connection connection) {
        this.connection = connection;
    }

    /** @param url the service's database URL, {@code postgresql://host:port/db} (as {@code rapport.db.url}) */
    public static StatementCount of(String url, String user, String password) {
        try {
            Connection c = DriverManager.getConnection("jdbc:" + url, user, password);
            try (Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            return new StatementCount(c);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available (is it in shared_preload_libraries?): "
                    + e.getMessage(), e);
        }
    }

    /** The statements executed in this database while {@code work} ran. */
    public long during(Runnable work) {
        long before = executed();
        work.run();
        return executed() - before;
    }

    /** The smallest count of {@code times} runs of {@code work} (see the class comment). */
    public long min(int times, Runnable work) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            min = Math.min(min, during(work));
        }
        return min;
    }

    /**
     * Asserts that {@code call} makes PostgreSQL execute as many statements for the first of {@code ids} as for all of
     * them: one warm call first (statements prepared, caches filled), then each count the smallest of {@code times}
     * runs. {@code read} names the call in the message and in the printed counts.
     */
    public static <T> void assertSameForOneAndAll(String url, String user, String password, String read, List<T> ids,
            int times, Consumer<List<T>> call) {
        try (StatementCount count = of(url, user, password)) {
            call.accept(ids);
            long one = count.min(times, () -> call.accept(ids.subList(0, 1)));
            long many = count.min(times, () -> call.accept(ids));
            System.out.printf("statements %s: %d for 1 id, %d for %d ids%n", read, one, many, ids.size());
            Assertions.assertEquals(one, many,
                    read + ": statements for 1 id (" + one + ") and for " + ids.size() + " ids (" + many + ")");
        }
    }

    private long executed() {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = current_database()) "
                        + "and query not like '" + MINE + "'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to count
        }
    }
}
