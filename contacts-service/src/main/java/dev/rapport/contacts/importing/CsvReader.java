package dev.rapport.contacts.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader over raw bytes: comma-separated, fields optionally in double quotes (a quote inside
 * one doubled), quoted fields may hold commas and line breaks, records end with LF or CRLF. Blank lines are
 * skipped and a leading UTF-8 byte-order mark is ignored. It works on bytes rather than characters so that it
 * knows the exact byte offset of every record: a resumed import seeks straight to the first uncommitted row.
 * Lines are physical lines of the file (1 = the header), so a record that spans lines is reported at its first.
 */
final class CsvReader implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long bufferStart;
    private long line;
    private byte[] field = new byte[256];
    private int fieldLength;

    /** A record: its values, the line it starts on, and whether its quoting was broken. */
    record Record(String[] values, long line, String malformed) {
    }

    /** The file cannot be read as CSV past this point (an unterminated quoted field). */
    static final class FormatException extends Exception {
        final long line;

        FormatException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Reads from {@code in}, which is positioned at byte {@code offset} of the file, the start of line {@code line}. */
    CsvReader(InputStream in, long offset, long line) throws IOException {
        this.in = in;
        this.bufferStart = offset;
        this.line = line;
        if (offset == 0 && fill() && limit - pos >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    CsvReader(InputStream in) throws IOException {
        this(in, 0, 1);
    }

    /** Byte offset of the next unread record (after {@link #next()}: just past the record it returned). */
    long offset() {
        return bufferStart + pos;
    }

    /** Line on which the next unread record starts, or would start. */
    long line() {
        return line;
    }

    /** The next record, or null at the end of the file. */
    Record next() throws IOException, FormatException {
        return read(true);
    }

    /** Passes over the next record without building its values; false at the end of the file. */
    boolean skip() throws IOException, FormatException {
        return read(false) != null;
    }

    private Record read(boolean materialise) throws IOException, FormatException {
        skipBlankLines();
        if (peek() < 0) {
            return null;
        }
        long start = line;
        List<String> values = materialise ? new ArrayList<>(16) : null;
        String malformed = null;
        while (true) {
            fieldLength = 0;
            boolean endOfRecord;
            if (peek() == '"') {
                pos++;
                readQuoted(start);
                int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after >= 0) {
                    malformed = "has characters after a closing quote";
                }
                endOfRecord = readUnquoted();
            } else {
                endOfRecord = readUnquoted();
            }
            if (materialise) {
                values.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8));
            }
            if (endOfRecord) {
                return new Record(materialise ? values.toArray(String[]::new) : null, start, malformed);
            }
        }
    }

    private void skipBlankLines() throws IOException {
        while (true) {
            int b = peek();
            if (b == '\n') {
                pos++;
                line++;
            } else if (b == '\r' && peekAt(1) == '\n') {
                pos += 2;
                line++;
            } else {
                return;
            }
        }
    }

    private void readQuoted(long start) throws IOException, FormatException {
        while (true) {
            if (pos == limit && !fill()) {
                throw new FormatException(start, "has a quoted field that is never closed");
            }
            byte b = buf[pos++];
            if (b == '"') {
                if (peek() == '"') {
                    pos++;
                    append(b);
                } else {
                    return;
                }
            } else {
                if (b == '\n') {
                    line++;
                }
                append(b);
            }
        }
    }

    /** Reads up to the end of the field; true when the record ended too. */
    private boolean readUnquoted() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return true;
            }
            byte b = buf[pos];
            if (b == ',') {
                pos++;
                return false;
            }
            if (b == '\n') {
                pos++;
                line++;
                return true;
            }
            if (b == '\r' && peekAt(1) == '\n') {
                pos += 2;
                line++;
                return true;
            }
            pos++;
            append(b);
        }
    }

    private void append(byte b) {
        if (fieldLength == field.length) {
            field = java.util.Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = b;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    private int peekAt(int ahead) throws IOException {
        if (pos + ahead >= limit) {
            compact();
            while (pos + ahead >= limit) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }
        return buf[pos + ahead] & 0xFF;
    }

    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferStart += pos;
            limit -= pos;
            pos = 0;
        }
    }

    private boolean fill() throws IOException {
        compact();
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            return limit > pos;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
