package dev.rapport.delivery.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.delivery.links.Links;
import dev.rapport.delivery.message.Kind;
import dev.rapport.delivery.message.MessageModel;
import dev.rapport.delivery.send.Outcome;
import dev.rapport.delivery.send.SmtpSender;
import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.Mime;
import dev.rapport.delivery.testing.Services;
import dev.rapport.security.links.LinkAction;
import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of message in every language, as it leaves over SMTP and arrives: both parts, the headers, the why
 * section, the language and direction, escaping, and links that verify and name the right record.
 */
@QuarkusTest
@QuarkusTestResource(Services.class)
@QuarkusTestResource(Mailbox.class)
class RenderingTest {
    private static final Pattern PAGE_LINK = Pattern.compile("http://localhost:8085/link#([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
    /** A sentence of each language, written here rather than read from the bundles, so a missing translation fails. */
    private static final Map<String, String> WHY_TITLE = Map.of("en", "Why you are receiving this",
            "fr", "Pourquoi vous recevez ce message", "ar", "لماذا تصلك هذه الرسالة");
    private static final Map<String, String> PREFERENCES = Map.of("en", "Change what we may send you, and how",
            "fr", "Choisir ce que nous pouvons vous envoyer, et comment", "ar", "اختر ما يمكننا إرساله إليك وكيف");
    private static final Map<Kind, LinkAction> ACTION = Map.of(Kind.INVITATION, LinkAction.CONSULTATION,
            Kind.ACTION_NOTICE, LinkAction.FOLLOW_UP, Kind.THREAD_REPLY, LinkAction.FOLLOW_UP, Kind.CASE_CONFIRMATION,
            LinkAction.CASE, Kind.RENEWAL_OFFER, LinkAction.RENEWAL_OFFER, Kind.ANONYMOUS_NOTICE, LinkAction.FOLLOW_UP);

    @Inject
    Renderer renderer;
    @Inject
    SmtpSender smtp;
    @Inject
    Links links;
    @ConfigProperty(name = "rapport.links.secret")
    String secret;

    static List<Object[]> kindsAndLanguages() {
        return java.util.Arrays.stream(Kind.values())
                .flatMap(k -> java.util.stream.Stream.of("en", "fr", "ar").map(l -> new Object[] {k, l})).toList();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("kindsAndLanguages")
    void rendersBothPartsWithTheWhyAndSignedLinks(Kind kind, String language) {
        UUID contact = UUID.randomUUID();
        UUID outreach = UUID.randomUUID();
        UUID ref = UUID.randomUUID();
        String address = kind.code + "-" + language + "-" + outreach + "@example.com";
        String action = ACTION.containsKey(kind) ? links.page(contact, ACTION.get(kind), ref, "survey") : null;
        String rating = kind == Kind.CASE_CONFIRMATION ? links.page(contact, LinkAction.RATING, ref, "service") : null;
        MessageModel m = new MessageModel(outreach, kind, language, "Zoë <img src=x onerror=alert(1)>", address,
                List.of("Sentence one about " + address + ".", "Consent <b>given</b> on a form."), action, rating,
                links.page(contact, LinkAction.PREFERENCES, null, "survey"), links.unsubscribe(contact, outreach, "survey"),
                MessageModel.Content.of("Consultations & <feedback>").consultation("Roadmap <2027>")
                        .action("Dark mode & <more>", "WONT_DO", "We looked at it.", "Too costly <now>")
                        .supportCase("My <order> is late", "1 Dec 2026", "3 Dec 2026").renewal("Season <Club>", "2026/27"));

        Outcome sent = smtp.send(m, renderer.render(m)).await().atMost(Duration.ofSeconds(30));
        assertEquals(Outcome.Result.SENT, sent.result(), sent::toString);

        List<MimeMessage> got = Mailbox.to(address);
        assertEquals(1, got.size());
        MimeMessage mail = got.get(0);
        String text = Mime.part(mail, "text/plain");
        String html = Mime.part(mail, "text/html");

        // headers: deterministic Message-ID, RFC 2369 / 8058 one-click unsubscribe, the language
        assertEquals("<" + outreach + "@rapport.localhost>", Mime.header(mail, "Message-ID"));
        assertEquals("<" + m.unsubscribeUrl() + ">", Mime.header(mail, "List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", Mime.header(mail, "List-Unsubscribe-Post"));
        assertEquals(language, Mime.header(mail, "Content-Language"));
        assertFalse(Mime.subject(mail).isBlank());
        // no empty or stray headers: a message to one person names no one else
        String headers = Mime.rawHeaders(mail);
        assertFalse(Pattern.compile("(?im)^(cc|bcc):").matcher(headers).find(), headers);

        // language and direction
        assertTrue(html.contains("<html lang=\"" + language + "\" dir=\"" + ("ar".equals(language) ? "rtl" : "ltr") + "\">"), html);
        assertTrue(html.contains(WHY_TITLE.get(language)) && text.contains(WHY_TITLE.get(language)));
        assertTrue(html.contains(PREFERENCES.get(language)) && text.contains(PREFERENCES.get(language)));

        // the why section, the person's name: text as is, HTML escaped (markup stays inert)
        assertTrue(text.contains("Sentence one about " + address + ".") && text.contains("Consent <b>given</b> on a form."));
        assertTrue(html.contains("Consent &lt;b&gt;given&lt;/b&gt; on a form."), html);
        assertTrue(text.contains("Zoë <img src=x onerror=alert(1)>"), text);
        assertTrue(html.contains("Zoë &lt;img src=x onerror=alert(1)&gt;"), html);
        assertFalse(html.contains("<img") || html.contains("<b>") || html.contains("<2027>") || html.contains("<feedback>"), html);

        // links: the preference link in every message, the action link of its kind; each verifies and names its record
        LinkTokens tokens = new LinkTokens(secret);
        List<LinkClaims> inHtml = claims(html, tokens);
        List<LinkClaims> inText = claims(text, tokens);
        assertEquals(inHtml, inText, "both parts carry the same links");
        assertTrue(inHtml.stream().anyMatch(c -> c.action() == LinkAction.PREFERENCES && c.contactId().equals(contact)));
        if (ACTION.containsKey(kind)) {
            assertTrue(inHtml.stream().anyMatch(c -> c.action() == ACTION.get(kind) && ref.equals(c.ref())), inHtml::toString);
        }
        // a link's label ends with one colon in the text part: "Tell us whether it is solved:", not "Tell us: solved or not:"
        for (String line : text.split("\\R")) {
            assertFalse(line.endsWith(":") && line.indexOf(':') < line.length() - 1 && !line.contains("//"), kind + " " + language + ": " + line);
        }
        if (kind == Kind.CASE_CONFIRMATION) {
            assertTrue(inHtml.stream().anyMatch(c -> c.action() == LinkAction.RATING && ref.equals(c.ref())));
            assertTrue(text.contains("> My <order> is late") && html.contains("My &lt;order&gt; is late"));
        }
        if (kind == Kind.ANONYMOUS_NOTICE) {
            // names nothing the person rated: neither the consultation nor the initiative
            assertFalse(text.contains("Roadmap") || html.contains("Roadmap") || text.contains("Dark mode") || html.contains("Dark mode"),
                    text);
        }
        if (kind == Kind.ACTION_NOTICE) {
            assertTrue(text.contains("Too costly <now>") && html.contains("Too costly &lt;now&gt;"));
        }
        String unsubscribeToken = m.unsubscribeUrl().substring(m.unsubscribeUrl().lastIndexOf('/') + 1);
        LinkClaims unsubscribe = tokens.verify(unsubscribeToken).orElseThrow();
        assertEquals(LinkAction.UNSUBSCRIBE, unsubscribe.action());
        assertEquals(outreach, unsubscribe.ref());
        assertTrue(html.contains(m.unsubscribeUrl()) && text.contains(m.unsubscribeUrl()));
    }

    private static List<LinkClaims> claims(String body, LinkTokens tokens) {
        Matcher matcher = PAGE_LINK.matcher(body);
        List<LinkClaims> out = new java.util.ArrayList<>();
        while (matcher.find()) {
            out.add(tokens.verify(matcher.group(1)).orElseThrow(() -> new AssertionError("a link that does not verify")));
        }
        return out;
    }
}
