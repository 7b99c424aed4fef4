package dev.rapport.contacts.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportCsvReaderTest {

    private static CsvReader reader(String csv) throws Exception {
        return new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsPhysicalLines() throws Exception {
        CsvReader r = reader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nplain,,=1+2\n");
        CsvReader.Record header = r.next();
        assertArrayEquals(new String[] {"a", "b", "c"}, header.values());
        CsvReader.Record first = r.next();
        assertArrayEquals(new String[] {"x, y", "say \"hi\"", "two\nlines"}, first.values());
        assertEquals(2, first.line());
        CsvReader.Record second = r.next();
        assertArrayEquals(new String[] {"plain", "", "=1+2"}, second.values());
        assertEquals(5, second.line(), "the quoted line break and the blank line both count");
        assertNull(r.next());
    }

    @Test
    void offsetsLetAReaderResumeAtTheNextRecord() throws Exception {
        String csv = "h1,h2\nä1,\"b\nb\"\nc,d";
        CsvReader r = reader(csv);
        r.next();
        r.next();
        long offset = r.offset();
        long line = r.line();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CsvReader resumed = new CsvReader(new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset), offset, line);
        CsvReader.Record c = resumed.next();
        assertArrayEquals(new String[] {"c", "d"}, c.values());
        assertEquals(4, c.line());
        assertEquals(bytes.length, resumed.offset());
    }

    @Test
    void unterminatedQuoteIsAFormatErrorNamingItsLine() throws Exception {
        CsvReader r = reader("a\nok\n\"never closed\nmore\n");
        r.next();
        r.next();
        CsvReader.FormatException e = assertThrows(CsvReader.FormatException.class, r::next);
        assertEquals(3, e.line);
    }

    @Test
    void textAfterAClosingQuoteMarksTheRecordMalformed() throws Exception {
        CsvReader r = reader("a,b\n\"x\"y,z\n");
        r.next();
        assertTrue(r.next().malformed() != null);
    }

    @Test
    void utf8CheckFindsTheFirstBadLine() {
        Utf8Check ok = new Utf8Check();
        byte[] good = "name\nZoë,日本,😀\n".getBytes(StandardCharsets.UTF_8);
        ok.update(good, 0, good.length);
        assertEquals(-1, ok.firstBadLine());

        Utf8Check bad = new Utf8Check();
        byte[] latin1 = "name\nok\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);
        bad.update(latin1, 0, 3);
        bad.update(latin1, 3, latin1.length - 3);
        assertEquals(3, bad.firstBadLine());

        Utf8Check truncated = new Utf8Check();
        truncated.update(new byte[] {'a', (byte) 0xE6, (byte) 0x97}, 0, 3);
        assertEquals(1, truncated.firstBadLine());

        Utf8Check surrogate = new Utf8Check();
        surrogate.update(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3);
        assertFalse(surrogate.firstBadLine() < 0);
    }
}
