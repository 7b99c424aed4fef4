package dev.rapport.web.settings;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the pages find the gateway and the identity provider, as a browser reaches them (in a cluster these are often
 * not the addresses the servers use among themselves), and which languages they speak.
 */
@ConfigMapping(prefix = "rapport.web")
public interface WebConfig {
    /** This module's own address, the base of the links in messages ({@code {public-url}/link#<token>}). */
    @WithDefault("http://localhost:8085")
    String publicUrl();

    /** The gateway's GraphQL endpoint. */
    @WithDefault("http://localhost:8080/graphql")
    String gatewayUrl();

    /**
     * The Keycloak realm the pages log people in with (authorization code + PKCE). Unset: no login, only link
     * sessions.
     */
    Optional<String> authServerUrl();

    /** The public client the pages log in with. */
    @WithDefault("rapport-spa")
    String clientId();

    /** The language of a person whose own language is unknown and whose browser asks for none we speak. */
    @WithDefault("en")
    String defaultLanguage();

    /** The languages the pages are written in (message bundles under {@code web/app/i18n}). */
    @WithDefault("en,fr,ar")
    List<String> languages();
}
