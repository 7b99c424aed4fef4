package dev.rapport.web.settings;

import java.util.List;

/** What the pages read at start ({@code GET /config.json}): only public things. */
public record WebSettings(String graphqlUrl, String authServerUrl, String clientId, String defaultLanguage,
        List<String> languages) {

    static WebSettings from(WebConfig config) {
        return new WebSettings(config.gatewayUrl(), config.authServerUrl().map(WebSettings::withoutTrailingSlash).orElse(null),
                config.clientId(), config.defaultLanguage(), List.copyOf(config.languages()));
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
