package dev.rapport.platform.db;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service without a database URL starts an embedded PostgreSQL on a workstation, never silently in a pod. */
class EmbeddedDatabaseTest {

    @Test
    void aWorkstationGetsTheEmbeddedDatabase() {
        assertNull(EmbeddedDatabase.refusal("contacts", Map.of("HOME", "/home/someone")));
        assertNull(EmbeddedDatabase.refusal("contacts", Map.of("RAPPORT_DB_EMBEDDED", "true")));
    }

    @Test
    void aKubernetesPodWithoutADatabaseUrlRefusesToStart() {
        String refusal = EmbeddedDatabase.refusal("consent", Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        assertTrue(refusal.contains("RAPPORT_DB_URL") && refusal.contains("postgresql://host:5432/consent"), refusal);
        assertNull(EmbeddedDatabase.refusal("consent", Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "RAPPORT_DB_EMBEDDED", "true")),
                "an explicit try-out in a pod is allowed");
    }

    @Test
    void embeddedSwitchedOffRefusesToStart() {
        String refusal = EmbeddedDatabase.refusal("feedback", Map.of("RAPPORT_DB_EMBEDDED", "false"));
        assertTrue(refusal.contains("RAPPORT_DB_EMBEDDED=false") && refusal.contains("RAPPORT_DB_URL"), refusal);
    }
}
