package dev.rapport.delivery.links;

import dev.rapport.delivery.DeliveryConfig;
import dev.rapport.security.links.LinkAction;
import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed links a message carries. Page links go to the web module with the token in the fragment
 * ({@code {rapport.web.public-url}/link#<token>}: never sent to a server in a request line or a Referer); the
 * unsubscribe link comes here ({@code {rapport.delivery.public-url}/unsubscribe/<token>}), because RFC 8058 needs a
 * URL a mail client can POST to. Every token names one person, one action, one record, and expires.
 */
@ApplicationScoped
public class Links {
    private final LinkTokens tokens;
    private final DeliveryConfig config;
    private final String webUrl;

    @Inject
    public Links(@ConfigProperty(name = "rapport.links.secret") String secret,
            @ConfigProperty(name = "rapport.web.public-url") String webUrl, DeliveryConfig config) {
        this(new LinkTokens(secret, Clock.systemUTC()), webUrl, config);
    }

    Links(LinkTokens tokens, String webUrl, DeliveryConfig config) {
        this.tokens = tokens;
        this.webUrl = stripSlash(webUrl);
        this.config = config;
    }

    /** A page link for one action on one record (the person's preferences when {@code ref} is null). */
    public String page(UUID contactId, LinkAction action, UUID ref, String purpose) {
        Duration ttl = action == LinkAction.PREFERENCES ? config.links().preferencesExpiry() : config.links().actionExpiry();
        return webUrl + "/link#" + sign(contactId, action, ref, purpose, ttl);
    }

    /** The one-click unsubscribe URL for one delivered message ({@code List-Unsubscribe}). */
    public String unsubscribe(UUID contactId, UUID outreachId, String purpose) {
        return stripSlash(config.publicUrl()) + "/unsubscribe/"
                + sign(contactId, LinkAction.UNSUBSCRIBE, outreachId, purpose, config.links().unsubscribeExpiry());
    }

    /** The claims of a genuine unsubscribe token that has not expired; empty for anything else. */
    public Optional<LinkClaims> verifyUnsubscribe(String token) {
        return tokens.verify(token).filter(c -> c.action() == LinkAction.UNSUBSCRIBE && c.ref() != null);
    }

    private String sign(UUID contactId, LinkAction action, UUID ref, String purpose, Duration ttl) {
        return tokens.sign(new LinkClaims(contactId, action, ref, purpose, java.time.Instant.now().plus(ttl), UUID.randomUUID()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
