package dev.rapport.web.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rapport.web.settings.WebConfig;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer, and the single-page app's fallback: an address the pages route in the browser
 * ({@code /preferences}, {@code /consultation/…}, {@code /link}) is answered with the app's {@code index.html}, so
 * deep links and reloads work.
 */
@ApplicationScoped
public class PageRoutes {
    /** Paths served by the server itself, never by the page router. */
    private static final List<String> SERVER_PATHS = List.of("/q/", "/static/", "/_static/", "/config.json");

    @Inject
    WebConfig config;

    private Map<String, String> headers;

    @RouteFilter(200)
    void securityHeaders(RoutingContext rc) {
        if (headers == null) {
            headers = SecurityHeaders.of(config);
        }
        var response = rc.response().headers();
        headers.forEach(response::set);
        rc.next();
    }

    @RouteFilter(190)
    void pageFallback(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (isPage(rc.request().method(), path)) {
            // the app's shell changes with each build: never cached (the bundles it names are, immutably)
            rc.response().headers().set("Cache-Control", "no-cache");
            if (!"/".equals(path)) {
                rc.reroute("/");
                return;
            }
        }
        rc.next();
    }

    static boolean isPage(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        if (SERVER_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
