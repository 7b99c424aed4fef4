package dev.rapport.platform.csv;

/**
 * CSV cells (RFC 4180) that a spreadsheet cannot execute: a cell starting with = + - @ tab or carriage return is
 * prefixed with a single quote (OWASP CSV injection), then quoted when it holds a comma, quote or line break.
 */
public final class Csv {
    private Csv() {
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
