package dev.rapport.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code rapport.security.token-cache.*}: how long and how many verified bearer tokens are remembered. */
@ConfigMapping(prefix = "rapport.security.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token is verified in full (signature, issuer, audience, expiry). */
    @WithDefault("true")
    boolean enabled();

    /** At most this many tokens are remembered; beyond it the expired ones go, then all of them. */
    @WithDefault("10000")
    int maxSize();

    /**
     * A token is remembered for at most this long, and never past its own {@code exp}: the bound on how long a
     * signing key withdrawn from the issuer's key set keeps being accepted for a token already seen.
     */
    @WithDefault("PT1M")
    Duration maxAge();
}
