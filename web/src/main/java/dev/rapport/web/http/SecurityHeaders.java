package dev.rapport.web.http;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.rapport.web.settings.WebConfig;

/**
 * The headers every answer of this module carries. The Content-Security-Policy allows scripts and styles from this
 * origin only (no inline script, no {@code eval}), and network calls only to the gateway and the identity provider
 * the settings name; nothing may frame the pages, and no address leaks in a Referer.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static Map<String, String> of(WebConfig config) {
        return Map.of(
                "Content-Security-Policy", contentSecurityPolicy(config),
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer",
                "Cross-Origin-Opener-Policy", "same-origin",
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }

    static String contentSecurityPolicy(WebConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        String gateway = origin(config.gatewayUrl());
        connect.add(gateway);
        // the staff console's subscriptions (graphql-transport-ws) go to the same endpoint over WebSocket
        connect.add(gateway.replaceFirst("^http", "ws"));
        config.authServerUrl().map(SecurityHeaders::origin).ifPresent(connect::add);
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "font-src 'self'",
                "connect-src " + String.join(" ", connect),
                "manifest-src 'self'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'",
                "object-src 'none'");
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute URL: " + url);
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }
}
