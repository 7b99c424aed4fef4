package dev.rapport.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.devstack.testing.suite.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the fault runner works: scenario 1 (crash during writes) with a single {@code kill -9}, short. The long
 * scenarios run on demand with {@code reliability/faults.sh}; they are not part of {@code ./mvnw verify}.
 */
class CrashDuringWritesSmokeTest {
    @Test
    void oneKillDuringWritesLosesAndDoublesNothing() throws Exception {
        Path repo = Suite.repoFromModule();
        assumeTrue(Suite.available(repo, false, List.of(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK)),
                "needs the service jars (./mvnw install)");
        Options options = new Options(repo, repo.resolve("reliability/target/faults"), List.of(), Duration.ofSeconds(20), 1,
                Duration.ofSeconds(10), 1000, 4, 5);

        Report report = Faults.runOne("crash-during-writes", options);

        report.print(System.out);
        assertTrue(report.held(), "violated: " + report.violations());
    }
}
