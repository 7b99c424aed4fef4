package dev.rapport.contacts.importing;

/**
 * Checks a byte stream for well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF) as it
 * passes, remembering the physical line of the first bad sequence. The import refuses such a file up front,
 * naming that line, rather than storing replacement characters in people's names.
 */
final class Utf8Check {
    private long line = 1;
    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long badLine = -1;

    void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (pending == 0) {
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    }
                    continue;
                }
                if (badLine >= 0) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    badLine = line;
                }
            } else if (b < lower || b > upper) {
                pending = 0;
                resetRange();
                if (badLine < 0) {
                    badLine = line;
                }
                i--; // the byte that broke the sequence starts afresh
            } else {
                pending--;
                resetRange();
            }
        }
    }

    private void resetRange() {
        lower = 0x80;
        upper = 0xBF;
    }

    /** The line of the first malformed sequence, or -1 when everything seen (and finished) was valid. */
    long firstBadLine() {
        if (badLine < 0 && pending > 0) {
            return line;
        }
        return badLine;
    }
}
