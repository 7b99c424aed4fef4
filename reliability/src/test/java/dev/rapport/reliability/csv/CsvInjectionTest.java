package dev.rapport.reliability.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Formula payloads go in through an import and a consent form and come out of the CSV the suite produces (the consent
 * ledger export) as text: every cell that starts with {@code = + - @}, tab or CR begins with a quote.
 */
@ExtendWith(QuickSuite.class)
class CsvInjectionTest {
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1");

    @Test
    void formulasImportedOrRecordedComeOutOfTheLedgerExportAsText() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        String admin = suite.admin();
        String csv = "given_name,family_name\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(A1:A9)\n";
        Http.Answer imported = Http.send("POST", suite.url(Suite.CONTACTS) + "/imports?fileName=" + "%3Dcmd.csv", admin, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(202, imported.status(), imported.toString());
        String job = suite.url(Suite.CONTACTS) + "/imports/" + imported.json().path("id").asText();
        Http.Answer done = Http.get(job, admin);
        for (int i = 0; i < 120 && !"COMPLETED".equals(done.json().path("status").asText()); i++) {
            Thread.sleep(250);
            done = Http.get(job, admin);
        }
        assertEquals(1, done.json().path("imported").asInt(), "a formula is a name like any other: " + done);

        Http.postJson(suite.url(Suite.CONSENT) + "/purposes", admin, Map.of("code", "csv-injection", "description", "CSV test",
                "lawfulBasis", "CONSENT"));
        String person = UUID.randomUUID().toString();
        for (String payload : PAYLOADS) {
            Http.Answer recorded = Http.postJson(suite.url(Suite.CONSENT) + "/contacts/" + person + "/consent-events", admin,
                    Map.of("kind", "GRANT", "purpose", "csv-injection", "channel", "EMAIL", "source", "WEB_FORM",
                            "evidence", Map.of("formId", payload, "note", payload, "userAgent", payload)));
            assertEquals(201, recorded.status(), recorded.toString());
        }
        Http.Answer export = Http.send("GET", suite.url(Suite.CONSENT) + "/consent-events?contactId=" + person, admin, null, null,
                Map.of("Accept", "text/csv"));
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.contentType().startsWith("text/csv"), export.toString());
        String text = export.text();
        assertTrue(text.contains("'=HYPERLINK"), text);
        for (String cell : cells(text)) {
            assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a cell a spreadsheet would evaluate: [" + cell + "]\n" + text);
        }
    }

    /** Every cell of an RFC 4180 document, unquoted. */
    static List<String> cells(String csv) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0) {
            cells.add(cell.toString());
        }
        return cells;
    }
}
