package dev.rapport.gateway.ui;

/**
 * What the start page needs to log a person in: the realm to send the browser to (null: no identity provider, paste
 * a token), the public client to log in with, where the GraphQL UI and endpoint are, and the web app to link to.
 */
public record LoginSettings(String authServerUrl, String clientId, String graphqlUi, String graphqlEndpoint, String webUrl) {

    static LoginSettings from(LoginConfig config, String graphqlUi, String graphqlEndpoint) {
        return new LoginSettings(config.authServerUrl().map(LoginSettings::withoutTrailingSlash).orElse(null),
                config.clientId(), graphqlUi, graphqlEndpoint, config.webUrl().filter(u -> !u.isBlank()).orElse(null));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
