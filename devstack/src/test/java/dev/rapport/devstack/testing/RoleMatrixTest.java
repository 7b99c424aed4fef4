package dev.rapport.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleMatrixTest {
    static final List<String> TABLE = List.of(
            "| Operation | admin | agent | marketer | analyst | integration | contact | Notes |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            "| `svc: GET /things/{id}` | ✓ | ✓ | – |  | – | own | contact: its own |",
            "| `svc: POST /things` | ✓ | – | – | – | ✓ | – |  |",
            "| `other: GET /things` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |  |");

    @Test
    void readsOnlyTheModulesRowsWithOwnCountingAsAllowed() {
        Map<String, RoleMatrix.Row> rows = RoleMatrix.parse(TABLE, "svc");
        assertEquals(Set.of("GET /things/{id}", "POST /things"), rows.keySet());
        assertEquals(Set.of("admin", "agent", "contact"), rows.get("GET /things/{id}").allowed());
        assertEquals(Set.of("contact"), rows.get("GET /things/{id}").ownOnly());
        assertEquals(Set.of("admin", "integration"), rows.get("POST /things").allowed());
    }

    @Test
    void anUnknownCellOrARepeatedRowIsAnError() {
        assertThrows(IllegalStateException.class,
                () -> RoleMatrix.parse(List.of("| `svc: GET /x` | maybe | – | – | – | – | – |  |"), "svc"));
        assertThrows(IllegalStateException.class, () -> RoleMatrix.parse(List.of(
                "| `svc: GET /x` | ✓ | – | – | – | – | – |  |", "| `svc: GET /x` | ✓ | – | – | – | – | – |  |"), "svc"));
    }

    @Test
    void aMissingRowIsPrintedReadyToPaste() {
        String row = RoleMatrix.row("svc", "DELETE /things/{id}", Set.of("admin", "agent"));
        assertEquals("| `svc: DELETE /things/{id}` | ✓ | ✓ | – | – | – | – |  |", row);
        assertTrue(RoleMatrix.parse(List.of(row), "svc").containsKey("DELETE /things/{id}"));
    }

    @Test
    void pathsAreJoinedWithoutRegexesOrDoubleSlashes() {
        assertEquals("/contacts/{id}/erasure", RoleMatrix.path("/", "contacts/{id: [0-9a-f-]+}/erasure/"));
        assertEquals("/purposes", RoleMatrix.path("/purposes", ""));
    }

    @Test
    void theFailureListsTheExactRowsToAddChangeAndRemove() {
        Map<String, RoleMatrix.Row> table = RoleMatrix.parse(TABLE, "svc");
        String message = RoleMatrix.differences("svc", table, Map.of(
                "GET /things/{id}", Set.of("admin", "agent", "contact"),
                "POST /things", Set.of("admin"),
                "POST /contacts/{id}/erasure", Set.of("admin")));
        assertTrue(message.contains("\n| `svc: POST /contacts/{id}/erasure` | ✓ | – | – | – | – | – |  |"), message);
        assertTrue(message.contains("| `svc: POST /things` | ✓ | – | – | – | – | – |  |   (docs/roles.md says [admin, integration])"), message);
        assertEquals(null, RoleMatrix.differences("svc", table, Map.of("GET /things/{id}", Set.of("admin", "agent", "contact"),
                "POST /things", Set.of("admin", "integration"))));
    }

    @Test
    void aRemovedOperationIsReportedAsAStaleRow() {
        String message = RoleMatrix.differences("svc", RoleMatrix.parse(TABLE, "svc"),
                Map.of("POST /things", Set.of("admin", "integration")));
        assertTrue(message.contains("remove them):\n`svc: GET /things/{id}`"), message);
    }
}
