package dev.rapport.devstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens signed with the local development key ({@code dev/keys}), which services trust
 * only in the {@code test} and {@code local} profiles. Also a command: {@code Tokens <role>[,<role>] [subject] [contact_id]}.
 */
public final class Tokens {
    public static final String ISSUER = "rapport-local";
    /** The audience every Rapport service and the gateway require ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "rapport";
    /** The issuer of link sessions (the gateway's openLinkSession); a second OIDC tenant in every service. */
    public static final String LINKS_ISSUER = "rapport-links";

    private Tokens() {
    }

    public static String forRoles(String subject, String... roles) {
        return issue(subject, List.of(roles), null, 3600);
    }

    public static String forContact(String contactId) {
        return issue("contact-" + contactId, List.of("contact"), contactId, 3600);
    }

    public static String issue(String subject, List<String> roles, String contactId, long ttlSeconds) {
        return sign(ISSUER, subject, roles, contactId, "", ttlSeconds, "/dev-keys/private.pem", "rapport-dev");
    }

    /**
     * A link session as the gateway's {@code openLinkSession} mints it (issuer {@code rapport-links}, role contact, the
     * link's action and record), signed with the development links key ({@code dev/keys/links-private.pem}).
     */
    public static String linkSession(String contactId, String action, String ref, long ttlSeconds) {
        return sign(LINKS_ISSUER, "link:" + contactId, List.of("contact"), contactId, ",\"link_action\":\"" + action + "\""
                + (ref == null ? "" : ",\"link_ref\":\"" + ref + "\""), ttlSeconds, "/dev-keys/links-private.pem", "rapport-links");
    }

    /** Any claims signed with either development key: for tests of tokens that must be refused. */
    public static String sign(String issuer, String subject, List<String> roles, String contactId, String extraClaims,
            long ttlSeconds, String keyResource, String keyId) {
        long now = Instant.now().getEpochSecond();
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject + "\",\"preferred_username\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":[" + groups + "],\"realm_access\":{\"roles\":[" + groups + "]}"
                + (contactId == null ? "" : ",\"contact_id\":\"" + contactId + "\"") + extraClaims
                + ",\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + "}";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(keyResource));
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private static PrivateKey privateKey(String resource) throws IOException, GeneralSecurityException {
        try (InputStream in = Tokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    /** A development key file of {@code dev/keys} as one line of base64, the form configuration takes (no PEM lines). */
    public static String devKey(String fileName) {
        try (InputStream in = Tokens.class.getResourceAsStream("/dev-keys/" + fileName)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the development key " + fileName, e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Tokens <role>[,<role>...] [subject] [contact_id]");
            System.exit(2);
        }
        List<String> roles = List.of(args[0].split(","));
        String subject = args.length > 1 ? args[1] : "dev-" + args[0].replace(',', '-');
        String contactId = args.length > 2 ? args[2] : null;
        System.out.println(issue(subject, roles, contactId, 8 * 3600));
    }
}
