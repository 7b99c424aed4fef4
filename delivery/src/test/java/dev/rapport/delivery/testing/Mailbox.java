package dev.rapport.delivery.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server the tests' delivery sends to: GreenMail in process, on a free loopback port, behind a
 * {@link RefusingSmtpProxy} that refuses recipients whose local part says so (bounce-… permanently, later-… for now).
 */
public class Mailbox implements QuarkusTestResourceLifecycleManager {
    private static GreenMail greenMail;
    private static RefusingSmtpProxy proxy;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        proxy = new RefusingSmtpProxy(greenMail.getSmtp().getPort());
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(proxy.port()));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
