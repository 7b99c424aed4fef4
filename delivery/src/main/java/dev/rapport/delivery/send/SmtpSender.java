package dev.rapport.delivery.send;

import dev.rapport.delivery.DeliveryConfig;
import dev.rapport.delivery.message.MessageModel;
import dev.rapport.delivery.render.Rendered;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands one message to the SMTP server (quarkus-mailer). Every message carries a Message-ID derived from its outreach
 * id, so the copy sent again after a crash (sent, not yet acknowledged) is recognisable as the same message, and the
 * RFC 2369 / RFC 8058 headers for one-click unsubscribe.
 */
@ApplicationScoped
public class SmtpSender {
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

    @Inject
    ReactiveMailer mailer;
    @Inject
    DeliveryConfig config;

    public Uni<Outcome> send(MessageModel m, Rendered r) {
        Mail mail = new Mail().addTo(m.address()).setSubject(r.subject()).setText(r.text()).setHtml(r.html())
                .addHeader("Message-ID", messageId(m))
                .addHeader(LIST_UNSUBSCRIBE, "<" + m.unsubscribeUrl() + ">")
                .addHeader(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click")
                .addHeader("Content-Language", m.language());
        return mailer.send(mail).replaceWith(Outcome.sent()).onFailure().recoverWithItem(SmtpSender::classify);
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
