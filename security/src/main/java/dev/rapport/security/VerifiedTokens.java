package dev.rapport.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Bearer tokens this process has verified, with the identity verification produced, each until the earlier of its
 * {@code exp} and {@link TokenCacheConfig#maxAge()}. The key is the whole token as sent, so a token that differs in one
 * character (another signature, a changed claim) is not found and is verified in full.
 * <p>
 * Why: the gateway forwards the caller's token with every call a query makes (a contact 360 is seven service calls),
 * and a client sends the same token for minutes; verifying it each time (JSON parsing, an RSA signature, claim checks)
 * cost as much CPU as a simple read.
 */
@Singleton
public class VerifiedTokens {
    private record Entry(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final boolean enabled;
    private final int maxSize;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config.enabled(), config.maxSize(), config.maxAge(), System::currentTimeMillis);
    }

    VerifiedTokens(boolean enabled, int maxSize, Duration maxAge, LongSupplier clock) {
        this.enabled = enabled;
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** The identity a still-valid token was verified as, or null (unknown, expired, or the cache is off). */
    public SecurityIdentity find(String token) {
        if (!enabled || token == null) {
            return null;
        }
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() >= e.expiresAtMillis()) {
            entries.remove(token, e);
            return null;
        }
        return e.identity();
    }

    /** Remembers a token that has just been verified; {@code expiresAtEpochSecond} is its {@code exp} claim. */
    public void remember(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
        long now = clock.getAsLong();
        long until = Math.min(expiresAtEpochSecond * 1000, now + maxAgeMillis);
        if (!enabled || token == null || until <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis());
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(identity, until));
    }

    int size() {
        return entries.size();
    }
}
