package dev.rapport.contacts.importing;

import dev.rapport.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives an import file: streams the request body to disk (never whole in memory), hashing it and checking its
 * UTF-8 on the way, then reads it back once to check the header and count the rows.
 */
final class ImportUpload {
    private ImportUpload() {
    }

    /** What arrived: size, SHA-256 (to recognise a re-submission) and the first line that is not UTF-8, or -1. */
    record Received(long bytes, String sha256, long badUtf8Line) {
    }

    /** A well-formed file: its columns, rows after the header, and where the first row starts. */
    record Scanned(ImportColumn.Layout layout, long rows, long dataOffset, long dataLine) {
    }

    static Received receive(InputStream body, Path target) throws IOException {
        MessageDigest sha = sha256();
        Utf8Check utf8 = new Utf8Check();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                utf8.update(buffer, 0, n);
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                total += n;
            }
            // Durable before the job is acknowledged: a 202 promises the rows will be imported.
            out.force(true);
        }
        return new Received(total, HexFormat.of().formatHex(sha.digest()), utf8.firstBadLine());
    }

    /** Checks the header and counts rows; a file that cannot be imported at all is a 400 naming the column or line. */
    static Scanned scan(Received received, Path file) throws IOException {
        if (received.bytes() == 0) {
            throw ProblemException.badField("body", "is empty; the first line must be the header");
        }
        if (received.badUtf8Line() > 0) {
            throw ProblemException.badField("line " + received.badUtf8Line(), "is not valid UTF-8; save the file as UTF-8");
        }
        try (CsvReader reader = new CsvReader(Files.newInputStream(file))) {
            CsvReader.Record header = reader.next();
            if (header == null) {
                throw ProblemException.badField("body", "has no header line");
            }
            if (header.malformed() != null) {
                throw ProblemException.badField("line " + header.line(), header.malformed());
            }
            ImportColumn.Layout layout = ImportColumn.Layout.of(header.values());
            long offset = reader.offset();
            long line = reader.line();
            long rows = 0;
            while (reader.skip()) {
                rows++;
            }
            return new Scanned(layout, rows, offset, line);
        } catch (CsvReader.FormatException e) {
            throw ProblemException.badField("line " + e.line, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
