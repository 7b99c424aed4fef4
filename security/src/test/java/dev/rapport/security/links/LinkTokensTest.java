package dev.rapport.security.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {
    static final String SECRET = "a-development-secret-of-32-chars-or-more";
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    final LinkTokens tokens = new LinkTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    final LinkClaims claims = new LinkClaims(UUID.randomUUID(), LinkAction.CONSULTATION, UUID.randomUUID(), "survey",
            NOW.plus(Duration.ofDays(14)), UUID.randomUUID());

    @Test
    void aSignedTokenVerifiesToTheSameClaims() {
        assertEquals(claims, tokens.verify(tokens.sign(claims)).orElseThrow());
    }

    @Test
    void aTokenWithoutRefOrPurposeVerifies() {
        LinkClaims prefs = new LinkClaims(UUID.randomUUID(), LinkAction.PREFERENCES, null, null, NOW.plusSeconds(60), UUID.randomUUID());
        assertEquals(prefs, tokens.verify(tokens.sign(prefs)).orElseThrow());
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String token = tokens.sign(claims);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertTrue(tokens.verify(altered).isEmpty(), "altered at " + i);
        }
    }

    @Test
    void anotherSecretsTokenIsRefused() {
        LinkTokens other = new LinkTokens("another-secret-of-at-least-32-characters", Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(tokens.verify(other.sign(claims)).isEmpty());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.sign(claims);
        LinkTokens later = new LinkTokens(SECRET, Clock.fixed(claims.expiresAt(), ZoneOffset.UTC));
        assertTrue(later.verify(token).isEmpty());
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String s : new String[] {null, "", ".", "a.b", "a.b.c", "%%%.%%%", "x".repeat(5000)}) {
            assertTrue(tokens.verify(s).isEmpty(), String.valueOf(s));
        }
    }
}
