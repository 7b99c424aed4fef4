package dev.rapport.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of local runs: a database a service reaches with its defaults, kept across restarts. */
class LocalPostgresTest {

    @Test
    void aServiceReachesItsDatabaseWithItsDefaultsAndTheDataSurvivesARestart(@TempDir Path data) throws Exception {
        String url;
        try (LocalPostgres pg = LocalPostgres.start(data.resolve("contacts/postgres"), 0)) {
            url = pg.database("contacts");
            assertEquals("postgresql://localhost:" + pg.port() + "/contacts", url);
            assertEquals(url, pg.database("contacts"), "asking again neither fails nor creates another");
            try (Connection c = DriverManager.getConnection("jdbc:" + url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('written before the restart')");
            }
        }
        try (LocalPostgres again = LocalPostgres.start(data.resolve("contacts/postgres"), 0);
             Connection c = DriverManager.getConnection("jdbc:" + again.database("contacts"), LocalPostgres.USER,
                     LocalPostgres.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from kept")) {
            assertTrue(rs.next());
            assertEquals("written before the restart", rs.getString(1));
        }
    }
}
