package dev.rapport.security.links;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, single-purpose link tokens for messages: {@code base64url(json claims) "." base64url(HMAC-SHA256)}.
 * The delivery integration signs them; the gateway (link sessions) and the unsubscribe endpoint verify them with the
 * same secret ({@code rapport.links.secret}). A token whose claims or signature differ in one character, that has
 * expired, or that was signed with another secret is refused. Tokens carry ids only, never a name or an address.
 */
public final class LinkTokens {
    private static final String ALGORITHM = "HmacSHA256";
    /** Bound into every signature so a link token can never be confused with another HMAC this deployment makes. */
    private static final byte[] DOMAIN = "rapport-link.v1.".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** Longer than any token this class makes; a bigger input is refused before any work. */
    static final int MAX_LENGTH = 1024;

    private final SecretKeySpec key;
    private final Clock clock;

    public LinkTokens(String secret) {
        this(secret, Clock.systemUTC());
    }

    public LinkTokens(String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("rapport.links.secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public String sign(LinkClaims claims) {
        JsonObject json = new JsonObject()
                .put("v", 1)
                .put("sub", claims.contactId().toString())
                .put("act", claims.action().name())
                .put("exp", claims.expiresAt().getEpochSecond())
                .put("jti", claims.id().toString());
        if (claims.ref() != null) {
            json.put("ref", claims.ref().toString());
        }
        if (claims.purpose() != null) {
            json.put("pur", claims.purpose());
        }
        String body = B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The claims of a genuine, unexpired token; empty for anything else (never an exception). */
    public Optional<LinkClaims> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            // compared as canonical text, so a signature with altered padding bits is refused too
            byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(given, B64.encode(mac(body)))) {
                return Optional.empty();
            }
            JsonObject json = new JsonObject(new String(B64D.decode(body), StandardCharsets.UTF_8));
            if (json.getInteger("v", 0) != 1) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(json.getLong("exp"));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            String ref = json.getString("ref");
            return Optional.of(new LinkClaims(UUID.fromString(json.getString("sub")), LinkAction.valueOf(json.getString("act")),
                    ref == null ? null : UUID.fromString(ref), json.getString("pur"), expires, UUID.fromString(json.getString("jti"))));
        } catch (RuntimeException e) {
            // malformed base64, JSON, UUID or action: a token we did not make
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(DOMAIN);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
