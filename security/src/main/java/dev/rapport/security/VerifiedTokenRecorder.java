package dev.rapport.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers what quarkus-oidc's verification of a bearer JWT produced, before any other augmentor changes it (this one
 * runs first), so that {@link VerifiedTokenProvider} can answer the same token without verifying it again. Only the
 * token's own facts are kept: principal (the verified claims), roles, credentials, permissions and the attributes
 * that do not belong to the request.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getAttribute(VerifiedTokenProvider.FROM_CACHE) == null
                && identity instanceof QuarkusSecurityIdentity verified
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getRawToken() != null && jwt.getExpirationTime() > 0) {
            QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder().setPrincipal(jwt)
                    .addRoles(verified.getRoles()).addCredentials(verified.getCredentials())
                    .addPermissions(verified.getPermissions()).setAnonymous(false);
            verified.getAttributes().forEach((name, value) -> {
                if (!VerifiedTokenProvider.PER_REQUEST.contains(name)) {
                    kept.addAttribute(name, value);
                }
            });
            tokens.remember(jwt.getRawToken(), kept.build(), jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }
}
