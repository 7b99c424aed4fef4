package dev.rapport.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A service without a database URL refuses to start and names the variable, whatever the profile or the machine. */
class DatabaseRequiredTest {

    @Test
    void withoutADatabaseUrlTheServiceRefusesAndSaysWhatToSet() {
        String refusal = DatabaseRequired.refusal("consent-service", "consent", Map.of("HOME", "/home/someone"),
                new Properties()).orElseThrow();
        assertTrue(refusal.startsWith("consent-service does not start: RAPPORT_DB_URL is not set"), refusal);
        assertTrue(refusal.contains("postgresql://host:5432/consent") && refusal.contains("RAPPORT_DB_USERNAME")
                && refusal.contains("./rapport"), refusal);
        assertTrue(DatabaseRequired.refusal("consent-service", "consent", Map.of("RAPPORT_DB_URL", " "),
                new Properties()).isPresent(), "a blank URL is no URL");
    }

    @Test
    void theEnvironmentVariableOrTheSystemPropertyIsEnough() {
        assertEquals(Optional.empty(), DatabaseRequired.refusal("contacts-service", "contacts",
                Map.of("RAPPORT_DB_URL", "postgresql://db:5432/contacts"), new Properties()));
        Properties properties = new Properties();
        properties.setProperty("rapport.db.url", "postgresql://localhost:5432/contacts");
        assertEquals(Optional.empty(), DatabaseRequired.refusal("contacts-service", "contacts", Map.of(), properties));
    }
}
