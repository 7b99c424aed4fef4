package dev.rapport.web.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** What arrived in GreenMail for one address, and the links in it, as a person reads their inbox. */
public final class Mailbox {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/link#([A-Za-z0-9_.~-]+)");
    private final String address;
    private final Set<String> seen = new HashSet<>();

    public Mailbox(String address) {
        this.address = address;
    }

    /** A link that arrived in a message not read before, whose token is for this action; waits up to three minutes. */
    public String awaitLink(String action) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : RealSuite.mail().getReceivedMessages()) {
                String id = message.getMessageID();
                if (seen.contains(id) || !addressedHere(message)) {
                    continue;
                }
                for (String link : links(text(message))) {
                    if (action.equals(actionOf(link))) {
                        seen.add(id);
                        return link;
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("No e-mail with a " + action + " link reached " + address);
    }

    private boolean addressedHere(MimeMessage message) throws Exception {
        for (var to : message.getRecipients(Message.RecipientType.TO)) {
            if (to.toString().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The plain-text part, decoded (quoted-printable soft breaks would cut a link in the raw source). */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        StringBuilder all = new StringBuilder();
        collect((Multipart) content, all);
        return all.toString();
    }

    private static void collect(Multipart multipart, StringBuilder into) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof Multipart nested) {
                collect(nested, into);
            } else if (part.isMimeType("text/plain") && content instanceof String s) {
                into.append(s).append('\n');
            }
        }
    }

    private static List<String> links(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The action a link's token names (its claims are base64url JSON before the signature; read, not verified). */
    public static String actionOf(String link) {
        String token = link.substring(link.indexOf('#') + 1);
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"act\"\\s*:\\s*\"([A-Z_]+)\"").matcher(claims);
        return m.find() ? m.group(1) : null;
    }
}
