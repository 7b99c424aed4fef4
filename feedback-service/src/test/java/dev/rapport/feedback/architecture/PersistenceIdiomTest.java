package dev.rapport.feedback.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.devstack.testing.PoolHolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STYLE rule 15 for feedback-service: only the classes that own SQL and its row mappers hold the reactive SQL client's
 * {@code Pool}, that is a class whose name ends in {@code Repository} or {@code Queries}. Any other class (a service,
 * a resource, the outreach sender, or one inheriting an injected pool from a platform base) fails here, named with
 * where the pool comes in.
 */
class PersistenceIdiomTest {

    @Test
    void onlyRepositoriesAndQueriesHoldTheSqlPool() {
        List<String> holders = PoolHolders.outsideRepositoriesAndQueries(Path.of("target", "classes"), Set.of());
        assertEquals(List.of(), holders, "SQL lives in *Repository / *Queries classes (docs/feedback.md, section Where SQL lives)");
    }
}
