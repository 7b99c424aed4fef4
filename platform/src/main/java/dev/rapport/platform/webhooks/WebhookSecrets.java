package dev.rapport.platform.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest (docs/webhooks.md, "Secrets at rest"): sealed with AES-256-GCM under the key
 * {@code rapport.webhooks.secret-key}, a fresh 12-byte nonce per value, the subscription's id as associated data (a
 * sealed secret copied onto another subscription does not open). The stored form names the key that sealed it:
 * {@code aesgcm:<key id>:<base64 of nonce and ciphertext>}, the key id being derived from the key itself, so keys
 * listed in {@code rapport.webhooks.previous-secret-keys} still open what they sealed after a key rotation.
 * A stored {@code whsec_} value is a secret written before secrets were sealed; it opens as itself until
 * {@link ServiceWebhooks} seals it at start.
 */
public final class WebhookSecrets {
    static final String PREFIX = "aesgcm:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored secret that cannot be opened with the configured keys; never a reason to send unsigned. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    private WebhookSecrets(byte[] current, List<byte[]> previous) {
        currentId = keyId(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (byte[] key : previous) {
            keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
        }
    }

    /**
     * The keys from configuration; refuses to go on, naming the setting, when the current key is missing or any key is
     * not the base64 of 32 bytes (the prod profile has no default: a service does not start without it).
     */
    public static WebhookSecrets fromConfig(Optional<String> current, Optional<List<String>> previous) {
        String key = current.map(String::strip).filter(k -> !k.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "rapport.webhooks.secret-key (environment RAPPORT_WEBHOOK_SECRET_KEY) is not set: webhook signing secrets "
                        + "are stored encrypted with it. Set it to the base64 of 32 random bytes (openssl rand -base64 32); "
                        + "see docs/operations.md"));
        return new WebhookSecrets(decode("rapport.webhooks.secret-key", key),
                previous.orElse(List.of()).stream().map(String::strip).filter(k -> !k.isEmpty())
                        .map(k -> decode("rapport.webhooks.previous-secret-keys", k)).toList());
    }

    /** A fresh key as the configuration takes it (tests, and what an operator could generate with openssl). */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals new values: what {@link #isCurrent} looks for. */
    public String currentKeyId() {
        return currentId;
    }

    /** The stored form of {@code secret} for subscription {@code subscriptionId}, sealed with the current key. */
    public String seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(subscriptionId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret a stored value holds; {@link Unreadable} when no configured key opens it. */
    public String open(UUID subscriptionId, String stored) {
        if (stored == null || stored.startsWith(StandardWebhooks.SECRET_PREFIX)) {
            return stored;
        }
        String[] parts = stored.startsWith(PREFIX) ? stored.substring(PREFIX.length()).split(":", 2) : new String[0];
        if (parts.length != 2) {
            throw new Unreadable("its stored secret is not in a form this version reads");
        }
        SecretKeySpec key = keys.get(parts[0]);
        if (key == null) {
            throw new Unreadable("its secret was sealed with key " + parts[0] + ", which is not configured (configured: "
                    + String.join(", ", keys.keySet()) + "; rapport.webhooks.previous-secret-keys keeps an old key)");
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(aad(subscriptionId));
            return new String(cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable("its secret does not open with key " + parts[0] + " (altered, or sealed for another "
                    + "subscription)");
        }
    }

    /** Whether a stored value is sealed with the current key (nothing to do at start); null counts as current. */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(PREFIX + currentId + ":");
    }

    private static byte[] aad(UUID subscriptionId) {
        return subscriptionId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Derived from the key, so nothing to name or keep in step: 8 hex digits of HMAC-SHA256(key, a fixed label). */
    static String keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("rapport webhook secret key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] decode(String setting, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64; it must be the base64 of 32 random bytes "
                    + "(openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be the base64 of 32 bytes (AES-256); it encodes " + key.length);
        }
        return key;
    }
}
