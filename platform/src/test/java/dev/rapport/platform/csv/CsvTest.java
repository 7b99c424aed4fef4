package dev.rapport.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void cellsASpreadsheetWouldEvaluateStartWithAQuote() {
        assertEquals("'=1+2", Csv.cell("=1+2"));
        assertEquals("'+41 79 000 00 00", Csv.cell("+41 79 000 00 00"));
        assertEquals("'-2", Csv.cell("-2"));
        assertEquals("'@SUM(A1:A2)", Csv.cell("@SUM(A1:A2)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
    }

    @Test
    void quotingFollowsRfc4180AfterNeutralising() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"line\nbreak\"", Csv.cell("line\nbreak"));
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertEquals("ada@example.com", Csv.cell("ada@example.com"));
        assertEquals("42", Csv.cell(42));
        assertEquals("", Csv.cell(null));
        assertEquals("", Csv.cell(""));
    }

    @Test
    void aRowJoinsNeutralisedCellsAndEndsWithCrLf() {
        assertEquals("1,'=2+3,\"a,b\",\r\n", Csv.row(1, "=2+3", "a,b", null));
    }
}
