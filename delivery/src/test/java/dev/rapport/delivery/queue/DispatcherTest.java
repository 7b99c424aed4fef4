package dev.rapport.delivery.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.delivery.clients.consent.ConsentClient;
import dev.rapport.delivery.clients.consent.Lease;
import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.Mime;
import dev.rapport.delivery.testing.Seed;
import dev.rapport.delivery.testing.Services;
import dev.rapport.devstack.testing.suite.Suite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lease, send, acknowledge against the real consent-service queue and an SMTP server. */
@QuarkusTest
@QuarkusTestResource(Services.class)
@QuarkusTestResource(Mailbox.class)
class DispatcherTest {
    @Inject
    Dispatcher dispatcher;
    @Inject
    ConsentClient consent;

    @BeforeAll
    static void purposes() {
        Seed.purposes();
    }

    private List<Handled> drain() {
        return dispatcher.drain().await().atMost(Duration.ofSeconds(90));
    }

    @Test
    void aQueuedMessageIsSentOnceWithItsWhyAndAcknowledgedDelivered() {
        String address = "ada-" + UUID.randomUUID() + "@example.com";
        UUID[] ada = Seed.person("Ada", address, "webinar-signup-form");
        Seed.grant(ada[0], "newsletter", "newsletter-box-v2");
        UUID outreach = Seed.outreach(ada[0], "newsletter", "partner:newsletter:2026-12");

        List<Handled> handled = drain();

        assertTrue(handled.contains(new Handled(outreach, Handled.Status.DELIVERED, "Message-ID <" + outreach + "@rapport.localhost>")),
                handled::toString);
        assertEquals("DELIVERED", Seed.status(outreach));
        List<MimeMessage> got = Mailbox.to(address);
        assertEquals(1, got.size());
        MimeMessage m = got.get(0);
        assertEquals("<" + outreach + "@rapport.localhost>", Mime.header(m, "Message-ID"));
        assertEquals("A message from us: Product newsletter", Mime.subject(m));
        String text = Mime.part(m, "text/plain");
        String html = Mime.part(m, "text/html");
        for (String part : List.of(text, html)) {
            assertTrue(part.contains("Hello Ada,"), part);
            assertTrue(part.contains("We sent it to " + address + ", your work address."), part);
            assertTrue(part.contains("You gave us this address (webinar-signup-form) on "), part);
            assertTrue(part.contains("It is about: Product newsletter."), part);
            assertTrue(part.contains("You agreed to receive these messages on "), part);
            assertTrue(part.contains(", on a web form."), part);
        }
        // a second round finds nothing: an acknowledged message is never sent again
        drain();
        assertEquals(1, Mailbox.to(address).size());
    }

    @Test
    void aPersonWhoChoseFrenchGetsTheMessageInFrench() {
        String address = "fleur-" + UUID.randomUUID() + "@example.com";
        UUID[] fleur = Seed.person("Fleur", address, "formulaire-salon", "fr-CA");
        Seed.grant(fleur[0], "newsletter", "newsletter-box-v2");
        UUID outreach = Seed.outreach(fleur[0], "newsletter", null);

        drain();

        assertEquals("DELIVERED", Seed.status(outreach));
        MimeMessage m = Mailbox.to(address).get(0);
        assertEquals("Un message de notre part : Product newsletter", Mime.subject(m));
        assertEquals("fr", Mime.header(m, "Content-Language"));
        String html = Mime.part(m, "text/html");
        assertTrue(html.contains("<html lang=\"fr\" dir=\"ltr\">"), html);
        assertTrue(html.contains("Bonjour Fleur,") && html.contains("Pourquoi vous recevez ce message"), html);
        assertTrue(Mime.part(m, "text/plain").contains("Vous nous avez donné cette adresse (formulaire-salon) le "));
    }

    @Test
    void aRecipientTheServerRefusesForGoodIsBouncedAndItsAddressNoLongerUsed() {
        Seed.Queued bob = Seed.newsletter("bounce");
        String address = bob.address();
        UUID outreach = bob.outreach();

        List<Handled> handled = drain();

        Handled h = handled.stream().filter(x -> x.outreachId().equals(outreach)).findFirst().orElseThrow();
        assertEquals(Handled.Status.BOUNCED, h.status());
        assertTrue(h.detail().contains("550"), h.detail());
        assertEquals("BOUNCED", Seed.status(outreach));
        assertTrue(Mailbox.to(address).isEmpty());
        String undeliverable = Seed.as(Suite.CONSENT, "admin").get("/contacts/" + bob.contact() + "/contact-points").then()
                .extract().path("[0].undeliverableAt");
        assertNotNull(undeliverable, "consent-service marks a bounced contact point undeliverable");
    }

    @Test
    void aTransientRefusalIsLeftToItsLeaseAndGivenUpAfterTheLastAttempt() throws InterruptedException {
        UUID outreach = Seed.newsletter("later").outreach();

        for (int attempt = 1; attempt <= 2; attempt++) {
            Handled h = drain().stream().filter(x -> x.outreachId().equals(outreach)).findFirst().orElseThrow();
            assertEquals(Handled.Status.RETRY_LATER, h.status(), h::toString);
            assertEquals("LEASED", Seed.status(outreach), "not acknowledged: it comes back when the lease runs out");
            Thread.sleep(5_500);
        }
        Handled last = drain().stream().filter(x -> x.outreachId().equals(outreach)).findFirst().orElseThrow();
        assertEquals(Handled.Status.FAILED, last.status());
        assertTrue(last.detail().contains("Gave up after 3 attempts") && last.detail().contains("451"), last.detail());
        assertEquals("FAILED", Seed.status(outreach));
    }

    @Test
    void aLeaseLostBeforeTheAcknowledgementLeavesTheMessageToItsNewLeaseUnderTheSameMessageId() throws InterruptedException {
        Seed.Queued dee = Seed.newsletter("dee");
        String address = dee.address();
        UUID outreach = dee.outreach();
        // another consumer (a crashed process) held it, and its lease ran out
        Lease stale = consent.pull(500, 5).await().atMost(Duration.ofSeconds(30)).stream()
                .filter(l -> l.id().equals(outreach)).findFirst().orElseThrow();
        Thread.sleep(5_500);

        List<Handled> handled = drain();
        assertTrue(handled.stream().anyMatch(h -> h.outreachId().equals(outreach) && h.status() == Handled.Status.DELIVERED));
        Handled late = dispatcher.deliver(List.of(stale)).await().atMost(Duration.ofSeconds(30)).get(0);

        assertEquals(Handled.Status.LEASE_LOST, late.status());
        assertEquals("DELIVERED", Seed.status(outreach));
        List<MimeMessage> copies = Mailbox.to(address);
        assertEquals(2, copies.size(), "the stale lease's copy went out before its acknowledgement was refused");
        assertEquals(Mime.header(copies.get(0), "Message-ID"), Mime.header(copies.get(1), "Message-ID"));
        assertFalse(Mime.header(copies.get(0), "Message-ID").isBlank());
    }
}
