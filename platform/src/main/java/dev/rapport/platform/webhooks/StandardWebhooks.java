package dev.rapport.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (https://www.standardwebhooks.com): the sender signs
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with HMAC-SHA256 under the key a {@code whsec_<base64>} secret names,
 * and sends {@code v1,<base64 signature>} in {@code webhook-signature} (space-separated when there are several).
 */
public final class StandardWebhooks {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** The specification asks for keys of 24 to 64 bytes. */
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A fresh secret: 32 random bytes as {@code whsec_<base64>}. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Null when the secret is well formed, else what is wrong with it (for a problem naming the field). */
    public static String secretProblem(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return "must start with " + SECRET_PREFIX;
        }
        try {
            int length = key(secret).length;
            return length < MIN_KEY_BYTES || length > MAX_KEY_BYTES
                    ? "must encode " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes, this one encodes " + length
                    : null;
        } catch (IllegalArgumentException e) {
            return "is not base64 after " + SECRET_PREFIX;
        }
    }

    /** The {@code webhook-signature} value: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestampSeconds + "." + body));
    }

    /** The header with one signature per secret, space-separated (a rotation's overlap signs with the old key too). */
    public static String signatures(java.util.List<String> secrets, String id, long timestampSeconds, String body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).toList());
    }

    /**
     * What a receiver does: true when one of the {@code v1} signatures in the header matches and the timestamp is
     * within {@code tolerance} of {@code now} (both ways), compared in constant time.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now,
            Duration tolerance) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
