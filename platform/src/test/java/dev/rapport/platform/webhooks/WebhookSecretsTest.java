package dev.rapport.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
    private static final String SECRET = StandardWebhooks.newSecret();
    private static final UUID SUBSCRIPTION = UUID.randomUUID();

    private static WebhookSecrets keys(String current, String... previous) {
        return WebhookSecrets.fromConfig(Optional.of(current), Optional.of(List.of(previous)));
    }

    @Test
    void sealsWithAFreshNonceAndOpensAgainNamingItsKey() {
        WebhookSecrets keys = keys(WebhookSecrets.newKey());
        String once = keys.seal(SUBSCRIPTION, SECRET);
        String twice = keys.seal(SUBSCRIPTION, SECRET);
        assertNotEquals(once, twice, "a fresh nonce per value");
        assertTrue(once.startsWith("aesgcm:" + keys.currentKeyId() + ":"), once);
        String key = SECRET.substring(StandardWebhooks.SECRET_PREFIX.length());
        assertFalse(once.contains(key) || once.contains(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(key))), once);
        assertEquals(SECRET, keys.open(SUBSCRIPTION, once));
        assertEquals(SECRET, keys.open(SUBSCRIPTION, twice));
        assertTrue(keys.isCurrent(once));
    }

    @Test
    void aPreviousKeyStillOpensWhatItSealedAndAMissingOneIsNamed() {
        String old = WebhookSecrets.newKey();
        String sealedWithOld = keys(old).seal(SUBSCRIPTION, SECRET);
        WebhookSecrets rotated = keys(WebhookSecrets.newKey(), old);
        assertEquals(SECRET, rotated.open(SUBSCRIPTION, sealedWithOld));
        assertFalse(rotated.isCurrent(sealedWithOld), "sealed again at start");

        WebhookSecrets withoutOld = keys(WebhookSecrets.newKey());
        WebhookSecrets.Unreadable missing = assertThrows(WebhookSecrets.Unreadable.class,
                () -> withoutOld.open(SUBSCRIPTION, sealedWithOld));
        assertTrue(missing.getMessage().contains(keys(old).currentKeyId()) && missing.getMessage().contains("not configured"),
                missing.getMessage());
    }

    @Test
    void aSecretSealedForAnotherSubscriptionOrAlteredDoesNotOpen() {
        WebhookSecrets keys = keys(WebhookSecrets.newKey());
        String sealed = keys.seal(SUBSCRIPTION, SECRET);
        assertThrows(WebhookSecrets.Unreadable.class, () -> keys.open(UUID.randomUUID(), sealed));
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThrows(WebhookSecrets.Unreadable.class, () -> keys.open(SUBSCRIPTION, altered));
    }

    @Test
    void aSecretStoredBeforeSealingOpensAsItselfUntilSealed() {
        WebhookSecrets keys = keys(WebhookSecrets.newKey());
        assertEquals(SECRET, keys.open(SUBSCRIPTION, SECRET));
        assertFalse(keys.isCurrent(SECRET));
    }

    @Test
    void withoutAKeyOrWithABadOneTheServiceDoesNotStartAndTheMessageNamesTheSetting() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> WebhookSecrets.fromConfig(Optional.empty(), Optional.empty()));
        assertTrue(none.getMessage().contains("RAPPORT_WEBHOOK_SECRET_KEY") && none.getMessage().contains("not set"),
                none.getMessage());
        IllegalStateException shortKey = assertThrows(IllegalStateException.class,
                () -> keys(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(shortKey.getMessage().contains("32 bytes"), shortKey.getMessage());
        IllegalStateException badOld = assertThrows(IllegalStateException.class, () -> keys(WebhookSecrets.newKey(), "not base64!"));
        assertTrue(badOld.getMessage().contains("rapport.webhooks.previous-secret-keys"), badOld.getMessage());
    }
}
