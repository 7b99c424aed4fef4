package dev.rapport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final SecurityIdentity alice = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice"))
            .addRole("agent").build();

    VerifiedTokens cache(int maxSize, Duration maxAge) {
        return new VerifiedTokens(true, maxSize, maxAge, now::get);
    }

    long inSeconds(long s) {
        return now.get() / 1000 + s;
    }

    @Test
    void aRememberedTokenIsFoundOnlyAsSentAndUntilItsExp() {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(10));
        tokens.remember("a.b.c", alice, inSeconds(30));
        assertSame(alice, tokens.find("a.b.c"));
        assertNull(tokens.find("a.b.d"), "one character different is another token");
        assertNull(tokens.find("a.b.c "));
        now.addAndGet(29_999);
        assertSame(alice, tokens.find("a.b.c"));
        now.addAndGet(1);
        assertNull(tokens.find("a.b.c"), "gone at its exp");
        assertEquals(0, tokens.size());
    }

    @Test
    void noTokenIsRememberedLongerThanMaxAge() {
        VerifiedTokens tokens = cache(100, Duration.ofSeconds(60));
        tokens.remember("t", alice, inSeconds(3600));
        now.addAndGet(59_000);
        assertSame(alice, tokens.find("t"));
        now.addAndGet(1_000);
        assertNull(tokens.find("t"));
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        VerifiedTokens tokens = cache(100, Duration.ofSeconds(60));
        tokens.remember("old", alice, inSeconds(0));
        assertNull(tokens.find("old"));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysWithinMaxSize() {
        VerifiedTokens tokens = cache(3, Duration.ofSeconds(60));
        tokens.remember("short", alice, inSeconds(1));
        tokens.remember("b", alice, inSeconds(30));
        tokens.remember("c", alice, inSeconds(30));
        now.addAndGet(2_000);
        tokens.remember("d", alice, inSeconds(30));
        assertEquals(3, tokens.size(), "the expired one made room");
        assertSame(alice, tokens.find("b"));
        tokens.remember("e", alice, inSeconds(30));
        assertEquals(1, tokens.size(), "full of valid tokens: start over rather than grow");
        assertSame(alice, tokens.find("e"));
    }

    @Test
    void offMeansEveryTokenIsVerified() {
        VerifiedTokens tokens = new VerifiedTokens(false, 100, Duration.ofSeconds(60), now::get);
        tokens.remember("t", alice, inSeconds(30));
        assertNull(tokens.find("t"));
    }
}
