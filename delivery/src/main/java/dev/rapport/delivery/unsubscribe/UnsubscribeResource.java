package dev.rapport.delivery.unsubscribe;

import dev.rapport.delivery.clients.consent.ConsentClient;
import dev.rapport.delivery.clients.contacts.ContactsClient;
import dev.rapport.delivery.links.Links;
import dev.rapport.delivery.message.Language;
import dev.rapport.delivery.render.Texts;
import dev.rapport.security.links.LinkClaims;
import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * The link in every message's {@code List-Unsubscribe} header (RFC 2369), and its one-click POST (RFC 8058). No login:
 * the signed token names the person, the message and its purpose. GET only shows a page with a button, because mail
 * scanners and link previews fetch links; POST withdraws the message's purpose through consent-service with this
 * module's service account, so the ledger records it with source UNSUBSCRIBE_LINK. A second POST changes nothing more
 * (the purpose is already withdrawn). A forged, altered or expired token is a 400 page, never a change.
 * <p>
 * The page speaks the language the message was written in: the person's own (contacts-service), and only when they
 * have none, or contacts-service cannot say, the browser's {@code Accept-Language}, then the deployment's default.
 */
@Path("/unsubscribe/{token}")
public class UnsubscribeResource {
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private static final Duration LANGUAGE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(UnsubscribeResource.class);

    @Inject
    Links links;
    @Inject
    ConsentClient consent;
    @Inject
    ContactsClient contacts;
    @Inject
    Engine engine;
    @ConfigProperty(name = "rapport.default-language", defaultValue = "en")
    String defaultLanguage;

    @GET
    @Produces({MediaType.TEXT_HTML, "application/problem+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The unsubscribe page: what the link would do, and a button; changes nothing")
    @APIResponse(responseCode = "200", description = "The page with the button")
    @APIResponse(responseCode = "400", description = "A token that is forged, altered or expired")
    public Uni<Response> show(@PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Optional<LinkClaims> claims = links.verifyUnsubscribe(token);
        if (claims.isEmpty()) {
            String language = language(languages);
            return Uni.createFrom().item(invalid(language, texts(language), accept));
        }
        return personsLanguage(claims.get(), languages).chain(language -> purposeName(claims.get().purpose())
                .map(purpose -> page(200, new UnsubscribePage(language, texts(language).unsubscribeQuestion(purpose), true))));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.TEXT_HTML, "application/problem+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "One-click unsubscribe (RFC 8058): withdraw the message's purpose; no login",
            description = "Mail clients POST List-Unsubscribe=One-Click here; the page's button posts the same. The withdrawal "
                    + "is recorded in consent-service's ledger with source UNSUBSCRIBE_LINK. Repeating it changes nothing more.")
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    @APIResponse(responseCode = "400", description = "A token that is forged, altered or expired")
    @APIResponse(responseCode = "404", description = "The message no longer exists (the person was erased)")
    @APIResponse(responseCode = "503", description = "consent-service did not answer; try again (Retry-After)")
    public Uni<Response> unsubscribe(@PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Optional<LinkClaims> claims = links.verifyUnsubscribe(token);
        if (claims.isEmpty()) {
            String language = language(languages);
            return Uni.createFrom().item(invalid(language, texts(language), accept));
        }
        LinkClaims c = claims.get();
        return personsLanguage(c, languages).chain(language -> withdraw(c, language, texts(language), accept));
    }

    private Uni<Response> withdraw(LinkClaims c, String language, Texts t, String accept) {
        return consent.unsubscribe(c.ref())
                .chain(found -> found
                        ? purposeName(c.purpose()).map(p -> page(200, new UnsubscribePage(language, t.unsubscribeDone(p), false)))
                        : Uni.createFrom().item(problemOrPage(404, "unknown-message", "The message of this link no longer exists",
                                language, t.unsubscribeInvalid(), accept)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Unsubscribe from outreach %s not recorded: %s", c.ref(), e.getMessage());
                    return Response.fromResponse(problemOrPage(503, "consent-unavailable", "consent-service did not answer",
                            language, t.unsubscribeUnavailable(), accept)).header("Retry-After", "60").build();
                });
    }

    /** The purpose's description for the page; its code when consent-service cannot say. */
    private Uni<String> purposeName(String code) {
        if (code == null) {
            return Uni.createFrom().item("");
        }
        return consent.purpose(code).map(p -> p == null || p.description() == null ? code : p.description())
                .onFailure().recoverWithItem(code);
    }

    private Response invalid(String language, Texts t, String accept) {
        return problemOrPage(400, "invalid-link", "The unsubscribe token is forged, altered or expired", language,
                t.unsubscribeInvalid(), accept);
    }

    private Response problemOrPage(int status, String type, String title, String language, String message, String accept) {
        if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
            String body = "{\"type\":\"https://rapport.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"errors\":[{\"field\":\"token\",\"message\":\"" + title + "\"}]}";
            return secured(Response.status(status).type("application/problem+json").entity(body));
        }
        return page(status, new UnsubscribePage(language, message, false));
    }

    private Response page(int status, UnsubscribePage page) {
        String html = engine.getTemplate("unsubscribe/page.html").instance().data("page", page)
                .setLocale(Locale.forLanguageTag(page.language())).render();
        return secured(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html));
    }

    private static Response secured(Response.ResponseBuilder r) {
        return r.header("Content-Security-Policy", POLICY).header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * The person's own language when they chose one; the browser's otherwise, also when contacts-service fails or is
     * slow: the unsubscribe itself never waits more than {@link #LANGUAGE_WAIT} for the page's language.
     */
    private Uni<String> personsLanguage(LinkClaims claims, String acceptLanguage) {
        String browsers = language(acceptLanguage);
        if (claims.contactId() == null) {
            return Uni.createFrom().item(browsers);
        }
        return contacts.contact(claims.contactId())
                .map(person -> person == null || person.language() == null ? browsers : Language.of(person.language(), browsers))
                .ifNoItem().after(LANGUAGE_WAIT).recoverWithItem(browsers)
                .onFailure().recoverWithItem(browsers);
    }

    private String language(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), Language.SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default language
            }
        }
        return Language.of(null, defaultLanguage);
    }

    private static Texts texts(String language) {
        return MessageBundles.get(Texts.class, Localized.Literal.of(language));
    }
}
