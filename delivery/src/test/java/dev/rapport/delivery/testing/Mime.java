package dev.rapport.delivery.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Reads a received message as a mail client would: its parts by content type, its headers. */
public final class Mime {
    private Mime() {
    }

    public static String part(MimeMessage m, String type) {
        try {
            String found = find(m, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part in " + m.getContentType());
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part p, String type) throws MessagingException, IOException {
        if (p.isMimeType(type)) {
            return (String) p.getContent();
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String s = find(b, type);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header block exactly as it arrived (up to the first empty line). */
    public static String rawHeaders(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            String raw = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? raw : raw.substring(0, end + 2);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
