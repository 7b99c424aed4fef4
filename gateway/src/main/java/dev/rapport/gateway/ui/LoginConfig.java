package dev.rapport.gateway.ui;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway's start page logs a person in before it opens the GraphQL UI: the authorization code flow with
 * PKCE of a public client, run in the browser against the identity provider.
 */
@ConfigMapping(prefix = "rapport.ui")
public interface LoginConfig {
    /**
     * The realm URL as a browser reaches it (in a cluster it is often not the address the gateway itself uses). Unset
     * when the gateway trusts a local key instead of an identity provider: the page then takes a pasted token.
     */
    Optional<String> authServerUrl();

    /** The public client (authorization code + PKCE) the page logs in with. */
    @WithDefault("rapport-spa")
    String clientId();

    /** The web app's address (the person's pages and the staff console), which the start page links to; unset: no link. */
    Optional<String> webUrl();
}
