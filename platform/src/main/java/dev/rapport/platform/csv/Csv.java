package dev.rapport.platform.csv;

/**
 * CSV cells (RFC 4180) that a spreadsheet cannot execute: a cell starting with = + - @ tab or carriage return is
 * prefixed with a single quote (OWASP CSV injection), then quoted when it holds a comma, quote or line break.
 */
public final class Csv {
    private Csv() {
    }

    /** The media type of what {@link #row} writes (RFC 4180, UTF-8). */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    /** A Content-Disposition value that has a browser save the answer as {@code filename} (letters, digits, . _ - only). */
    public static String attachment(String filename) {
        if (!filename.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain file name: " + filename);
        }
        return "attachment; filename=\"" + filename + "\"";
    }

    /** One record: the cells neutralised and quoted as {@link #cell} does, comma-separated, ended by CRLF. */
    public static String row(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        return b.append("\r\n").toString();
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
