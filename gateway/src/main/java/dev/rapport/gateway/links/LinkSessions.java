package dev.rapport.gateway.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a signed link from a message into a link session: verifies the link ({@link LinkTokens}, the secret shared
 * with delivery) and signs a short-lived JWT with the gateway's own key, which the gateway and every service accept as
 * their {@code links} OIDC tenant. The JWT names the person ({@code contact_id}), the role {@code contact}, and the
 * link's action and record, so that the gateway can hold the session to them ({@link LinkSessionScope}).
 */
@ApplicationScoped
public class LinkSessions {
    static final String AUDIENCE = "rapport";
    static final String KEY_ID = "rapport-links";

    private final LinkTokens links;
    private final PrivateKey signingKey;
    private final Duration lifetime;
    private final Clock clock;

    @Inject
    public LinkSessions(@ConfigProperty(name = "rapport.links.secret") String secret,
            @ConfigProperty(name = "rapport.links.signing-key") String signingKey,
            @ConfigProperty(name = "rapport.links.session-lifetime", defaultValue = "PT15M") Duration lifetime) {
        this(new LinkTokens(secret), privateKey(signingKey), lifetime, Clock.systemUTC());
    }

    LinkSessions(LinkTokens links, PrivateKey signingKey, Duration lifetime, Clock clock) {
        this.links = links;
        this.signingKey = signingKey;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The session for a genuine, unexpired link; empty for anything else. */
    public Optional<LinkSession> open(String token) {
        return links.verify(token).map(this::session);
    }

    private LinkSession session(LinkClaims link) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String contactId = link.contactId().toString();
        String ref = link.ref() == null ? null : link.ref().toString();
        JwtClaimsBuilder claims = Jwt.issuer(LinkSessionScope.ISSUER).audience(AUDIENCE).subject("link:" + contactId)
                .claim("preferred_username", "link:" + contactId)
                .claim("contact_id", contactId)
                .claim("realm_access", Map.of("roles", List.of("contact")))
                .claim(LinkSessionScope.ACTION_CLAIM, link.action().name())
                .claim(LinkSessionScope.LINK_ID_CLAIM, link.id().toString())
                .issuedAt(now).expiresAt(expires);
        if (ref != null) {
            claims.claim(LinkSessionScope.REF_CLAIM, ref);
        }
        if (link.purpose() != null) {
            claims.claim(LinkSessionScope.PURPOSE_CLAIM, link.purpose());
        }
        String jwt = claims.jws().keyId(KEY_ID).sign(signingKey);
        return new LinkSession(jwt, "Bearer", expires, (int) lifetime.toSeconds(), link.action(), ref, contactId, link.purpose());
    }

    /** A PKCS#8 RSA private key, as PEM or as its base64 body alone (how an environment variable holds it on one line). */
    static PrivateKey privateKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("rapport.links.signing-key (RAPPORT_LINK_SIGNING_KEY) is not set: the key that "
                    + "signs link sessions");
        }
        try {
            byte[] der = Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")
                    .getBytes(StandardCharsets.US_ASCII));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("rapport.links.signing-key (RAPPORT_LINK_SIGNING_KEY) is not a PKCS#8 RSA private "
                    + "key in PEM or base64", e);
        }
    }
}
