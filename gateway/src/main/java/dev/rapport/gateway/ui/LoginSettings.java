package dev.rapport.gateway.ui;

/**
 * What the start page needs to log a person in: the realm to send the browser to (null: no identity provider, paste
 * a token), the public client to log in with, and where the GraphQL UI and endpoint are.
 */
public record LoginSettings(String authServerUrl, String clientId, String graphqlUi, String graphqlEndpoint) {

    static LoginSettings from(LoginConfig config, String graphqlUi, String graphqlEndpoint) {
        return new LoginSettings(config.authServerUrl().map(LoginSettings::withoutTrailingSlash).orElse(null),
                config.clientId(), graphqlUi, graphqlEndpoint);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
