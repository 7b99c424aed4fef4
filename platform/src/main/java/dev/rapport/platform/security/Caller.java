package dev.rapport.platform.security;

import dev.rapport.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling. Staff roles act on any record their role allows; the {@code contact} role only on the
 * contact named by its token's {@code contact_id} claim. Services check this themselves, not only the gateway.
 */
@RequestScoped
public class Caller {
    public static final String CONTACT_ID_CLAIM = "contact_id";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.MARKETER)
                || identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.INTEGRATION);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The contact a {@code contact}-role caller is, if the token says. */
    public Optional<UUID> contactId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(CONTACT_ID_CLAIM);
            if (claim != null) {
                try {
                    return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Staff pass; a contact passes only for their own id; everyone else gets 403. */
    public void assertMayActFor(UUID contactId) {
        if (isStaff()) {
            return;
        }
        if (identity.hasRole(Roles.CONTACT) && contactId().filter(contactId::equals).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("You may only act on your own data");
    }

    /**
     * Whose data a read may return: null for staff (everyone's), the caller's own contact id for a contact; 403 for a
     * caller who is neither.
     */
    public UUID ownContactUnlessStaff() {
        return isStaff() ? null : contactId().orElseThrow(() -> ProblemException.forbidden("You may only act on your own data"));
    }

    /** For bulk reads: staff pass; a contact only when every id asked is their own. */
    public void assertMayActForAll(java.util.Collection<UUID> contactIds) {
        contactIds.forEach(this::assertMayActFor);
    }
}
