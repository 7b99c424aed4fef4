package dev.rapport.delivery.send;

import dev.rapport.delivery.DeliveryConfig;
import dev.rapport.delivery.message.MessageModel;
import dev.rapport.delivery.render.Rendered;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands one message to the SMTP server through quarkus-mailer's pooled Vert.x client (connections are kept open and
 * reused, commands pipelined: {@code quarkus.mailer.max-pool-size}, {@code keep-alive}, {@code pipelining}). Every
 * message carries a Message-ID derived from its outreach id, so the copy sent again after a crash (sent, not yet
 * acknowledged) is recognisable as the same message, and the RFC 2369 / RFC 8058 headers for one-click unsubscribe.
 * The message is built here rather than through {@code Mail}, which always hands the encoder a Cc list and so writes
 * an empty {@code Cc:} header into every message.
 */
@ApplicationScoped
public class SmtpSender {
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

    @Inject
    MailClient client;
    @Inject
    DeliveryConfig config;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    public Uni<Outcome> send(MessageModel m, Rendered r) {
        MailMessage mail = new MailMessage().setFrom(from).setTo(List.of(m.address())).setSubject(r.subject())
                .setText(r.text()).setHtml(r.html())
                .setHeaders(MultiMap.caseInsensitiveMultiMap()
                        .add("Message-ID", messageId(m))
                        .add(LIST_UNSUBSCRIBE, "<" + m.unsubscribeUrl() + ">")
                        .add(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click")
                        .add("Content-Language", m.language()));
        return client.sendMail(mail).replaceWith(Outcome.sent()).onFailure().recoverWithItem(SmtpSender::classify);
    }

    public String messageId(MessageModel m) {
        return "<" + m.outreachId() + "@" + config.messageIdDomain() + ">";
    }

    static Outcome classify(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof SMTPException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SMTPException smtp) {
            String detail = "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage();
            if (!smtp.isPermanent()) {
                return new Outcome(Outcome.Result.TRANSIENT, detail);
            }
            // Vert.x names the command that failed: "recipient address not accepted" is RCPT TO
            boolean recipient = String.valueOf(smtp.getMessage()).contains("recipient");
            return new Outcome(recipient ? Outcome.Result.BOUNCED : Outcome.Result.REFUSED, detail);
        }
        return new Outcome(Outcome.Result.TRANSIENT, "SMTP server not reachable: " + e.getMessage());
    }
}
