package dev.rapport.reliability.faults;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a scenario runs on: one PostgreSQL it controls and the chosen members of the suite as processes pointed at it
 * ({@code local} profile, development-key tokens). Closing it stops every process it started, by PID.
 */
final class Rig implements AutoCloseable {
    static final Map<String, String> DATABASES = Map.of(Suite.CONTACTS, "contacts", Suite.CONSENT, "consent",
            Suite.FEEDBACK, "feedback");

    final Postgres pg;
    final Suite suite;
    final Api api = new Api(Duration.ofSeconds(10));
    final String admin = Tokens.issue("faults-admin", List.of("admin"), null, 24 * 3600);
    final String integration = Tokens.issue("faults-integration", List.of("integration"), null, 24 * 3600);
    final String marketer = Tokens.issue("faults-marketer", List.of("marketer"), null, 24 * 3600);

    private Rig(Postgres pg, Suite suite) {
        this.pg = pg;
        this.suite = suite;
    }

    /** Starts PostgreSQL and the members; {@code tune} may add configuration or point a member elsewhere. */
    static Rig start(Path repo, List<String> members, Consumer<Suite.Builder> tune) throws IOException {
        return start(repo, members, (pg, b) -> tune.accept(b));
    }

    static Rig start(Path repo, List<String> members, BiConsumer<Postgres, Suite.Builder> tune) throws IOException {
        Postgres pg = Postgres.start(DATABASES.values().toArray(String[]::new));
        try {
            Suite.Builder b = Suite.builder(repo).members(members.toArray(String[]::new));
            for (String m : members) {
                if (DATABASES.containsKey(m)) {
                    b.database(m, pg.url(DATABASES.get(m)));
                }
            }
            tune.accept(pg, b);
            log("starting " + String.join(", ", members) + " on PostgreSQL at port " + pg.port());
            Suite suite = b.start();
            log("started; logs in " + suite.dataDir());
            return new Rig(pg, suite);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    String url(String member) {
        return suite.url(member);
    }

    /** kill -9, then start again on the same port and data and wait until it is ready; the seconds it was down. */
    double crashAndRestart(String member, Duration down) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        suite.kill(member);
        Thread.sleep(down.toMillis());
        suite.restart(member);
        suite.awaitReady(member, Duration.ofMinutes(6)); // a starved CI runner may need minutes
        return (System.nanoTime() - t0) / 1e9;
    }

    static void log(String line) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), line);
    }

    @Override
    public void close() {
        suite.stop();
        pg.close();
    }
}
