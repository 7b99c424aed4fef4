package dev.rapport.gateway.security;

import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.links.LinkSessionScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is asking. The gateway forwards the caller's own bearer token to every service
 * ({@link dev.rapport.gateway.clients.CallerToken}), and each service checks roles itself; the {@code contact} role is
 * also held to its own {@code contact_id} here, before any call goes out.
 */
@RequestScoped
public class Caller {
    @Inject
    JsonWebToken jwt;
    @Inject
    SecurityIdentity identity;
    private LinkSessionScope linkSession;
    private boolean linkSessionRead;

    /**
     * The caller's Authorization header, for the rare call made outside the request (a subscription's timed polls).
     * Every other call gets the caller's token from {@link dev.rapport.gateway.clients.CallerToken} as it goes out.
     * None without a token (only the bench profile allows that).
     */
    public String bearer() {
        String raw = jwt.getRawToken();
        return raw == null ? null : "Bearer " + raw;
    }

    /** Who pays for a query out of the cost budget: the principal, as the request envelope charges it over HTTP. */
    public String payer() {
        return identity.getPrincipal() == null ? "" : identity.getPrincipal().getName();
    }

    public boolean isStaffOrPartner() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.MARKETER)
                || identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.INTEGRATION);
    }

    /** The contact a {@code contact}-role caller is; null for staff and partners. */
    public String ownContactId() {
        if (isStaffOrPartner() || !identity.hasRole(Roles.CONTACT)) {
            return null;
        }
        Object claim = jwt.getClaim("contact_id");
        return claim == null ? "" : claim.toString();
    }

    /**
     * The link session this caller is, or null for a logged-in caller. A token the gateway issued itself
     * ({@code openLinkSession}, issuer {@code rapport-links}) is always one, and is held to its action; a link session
     * without a known action gets none.
     */
    public LinkSessionScope linkSession() {
        if (!linkSessionRead) {
            linkSession = LinkSessionScope.ISSUER.equals(jwt.getIssuer())
                    ? LinkSessionScope.of(jwt.getClaim(LinkSessionScope.ACTION_CLAIM), jwt.getClaim(LinkSessionScope.REF_CLAIM))
                    : null;
            linkSessionRead = true;
        }
        return linkSession;
    }

    /** A contact may read and change only its own node. */
    public void assertMayActFor(String contactId) throws AccessDeniedError {
        String own = ownContactId();
        if (own != null && !own.equals(contactId)) {
            throw new AccessDeniedError("A contact may act only on its own data");
        }
    }
}
