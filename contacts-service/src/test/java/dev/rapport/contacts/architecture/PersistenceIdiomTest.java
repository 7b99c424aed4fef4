package dev.rapport.contacts.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.devstack.testing.PoolHolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STYLE rule 15 for contacts-service: only the classes that own SQL and its row mappers hold the reactive SQL client's
 * {@code Pool}. Allowed: a class whose name ends in {@code Repository} or {@code Queries}, and {@code ImportJobs}, the
 * import's job store (it writes through JDBC in the COPY's transaction and reads through the pool). Any other class
 * (a service, a resource, a relay, a scheduled bean, or one inheriting an injected pool from a platform base) fails
 * here, named with where the pool comes in.
 */
class PersistenceIdiomTest {

    @Test
    void onlyRepositoriesAndQueriesHoldTheSqlPool() {
        List<String> holders = PoolHolders.outsideRepositoriesAndQueries(Path.of("target", "classes"),
                Set.of("dev.rapport.contacts.importing.ImportJobs"));
        assertEquals(List.of(), holders, "SQL lives in *Repository / *Queries classes (docs/contacts.md, section Where SQL lives)");
    }
}
