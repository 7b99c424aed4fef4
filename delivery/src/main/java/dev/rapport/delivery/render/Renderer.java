package dev.rapport.delivery.render;

import dev.rapport.delivery.message.MessageModel;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Renders a message from {@code templates/mail/<kind>.html} and {@code .txt} (both include the layout with the why
 * section), in the person's language ({@link Texts}). Qute escapes every value in the HTML part, so a name or a comment
 * with markup arrives as text.
 */
@ApplicationScoped
public class Renderer {
    @Inject
    Engine engine;

    public Rendered render(MessageModel m) {
        Locale locale = Locale.forLanguageTag(m.language());
        return new Rendered(subject(m, MessageBundles.get(Texts.class, Localized.Literal.of(m.language()))),
                part(m, ".txt", locale), part(m, ".html", locale));
    }

    private String part(MessageModel m, String suffix, Locale locale) {
        Template template = engine.getTemplate("mail/" + m.kind().code + suffix);
        return template.instance().data("m", m).setLocale(locale).render();
    }

    static String subject(MessageModel m, Texts t) {
        MessageModel.Content c = m.content();
        String subject = switch (m.kind()) {
            case INVITATION -> t.invitationSubject(c.title());
            case ACTION_NOTICE -> t.actionSubject(c.initiative());
            case THREAD_REPLY -> t.threadSubject(c.title());
            case CASE_CONFIRMATION -> t.caseSubject();
            case RENEWAL_OFFER -> t.renewalSubject(c.programme());
            case ANONYMOUS_NOTICE -> t.anonymousSubject();
            case PLAIN -> t.plainSubject(c.purpose());
        };
        // a header is one line: a title with a line break must not start another header
        return subject.replaceAll("[\\r\\n]+", " ").strip();
    }
}
