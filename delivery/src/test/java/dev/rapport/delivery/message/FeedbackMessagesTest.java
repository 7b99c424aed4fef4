package dev.rapport.delivery.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.delivery.queue.Dispatcher;
import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.Mime;
import dev.rapport.delivery.testing.Seed;
import dev.rapport.delivery.testing.Services;
import dev.rapport.devstack.testing.suite.Suite;
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
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * feedback-service's messages end to end: staff act in feedback-service, it asks consent-service, delivery reads what
 * the message shows from the three services with its integration role and sends it.
 */
@QuarkusTest
@QuarkusTestResource(Services.class)
@QuarkusTestResource(Mailbox.class)
class FeedbackMessagesTest {
    private static final Pattern LINK = Pattern.compile("/link#([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    @Inject
    Dispatcher dispatcher;
    @ConfigProperty(name = "rapport.links.secret")
    String secret;

    @BeforeAll
    static void purposes() {
        Seed.purposes();
    }

    /** The outreach feedback-service asked consent-service for, once it is queued. */
    private static Map<String, Object> queuedFor(UUID contact) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                !Seed.as(Suite.CONSENT, "admin").queryParam("contactId", contact.toString()).queryParam("status", "QUEUED")
                        .get("/outreach/requests").then().extract().jsonPath().getList("items").isEmpty());
        return Seed.as(Suite.CONSENT, "admin").queryParam("contactId", contact.toString()).get("/outreach/requests").then()
                .extract().jsonPath().getMap("items[0]");
    }

    private MimeMessage deliveredTo(String address, String outreach) {
        dispatcher.drain().await().atMost(Duration.ofSeconds(90));
        assertEquals("DELIVERED", Seed.status(UUID.fromString(outreach)));
        List<MimeMessage> got = Mailbox.to(address);
        assertEquals(1, got.size());
        return got.get(0);
    }

    private List<LinkClaims> links(String body) {
        LinkTokens tokens = new LinkTokens(secret);
        Matcher m = LINK.matcher(body);
        List<LinkClaims> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(tokens.verify(m.group(1)).orElseThrow());
        }
        return out;
    }

    @Test
    void aConsultationInvitationLinksToThatInvitation() {
        String address = "ivy-" + UUID.randomUUID() + "@example.com";
        UUID[] ivy = Seed.person("Ivy", address, "community-panel-signup");
        Seed.grant(ivy[0], "survey", "panel-box");
        String consultation = Seed.as(Suite.FEEDBACK, "marketer").body("{\"title\":\"Our plans <2027>\",\"purpose\":\"Tell us what "
                + "matters\",\"initiatives\":[{\"title\":\"Longer opening hours\"},{\"title\":\"A mobile app\"}]}")
                .post("/consultations").then().statusCode(201).extract().path("id");
        Seed.as(Suite.FEEDBACK, "marketer").body("{\"status\":\"OPEN\"}").post("/consultations/" + consultation + "/status")
                .then().statusCode(200);
        Seed.as(Suite.FEEDBACK, "marketer").body("{\"audience\":[{\"contactId\":\"" + ivy[0] + "\"}],\"channel\":\"EMAIL\"}")
                .post("/consultations/" + consultation + "/invitations").then().statusCode(200);
        Map<String, Object> outreach = queuedFor(ivy[0]);
        String payloadRef = (String) outreach.get("payloadRef");
        assertTrue(payloadRef.startsWith("feedback:invitation:"), payloadRef);
        UUID invitation = UUID.fromString(payloadRef.substring("feedback:invitation:".length()));

        MimeMessage mail = deliveredTo(address, (String) outreach.get("id"));

        assertEquals("Your opinion: Our plans <2027>", Mime.subject(mail));
        String html = Mime.part(mail, "text/html");
        String text = Mime.part(mail, "text/plain");
        assertTrue(html.contains("Our plans &lt;2027&gt;") && text.contains("Our plans <2027>"));
        assertTrue(text.contains("You gave us this address (community-panel-signup) on "), text);
        assertTrue(text.contains("It is about: Consultations and feedback requests."), text);
        List<LinkClaims> links = links(text);
        assertTrue(links.stream().anyMatch(c -> c.action() == LinkAction.CONSULTATION && invitation.equals(c.ref())
                && c.contactId().equals(ivy[0])), links::toString);
        assertTrue(links.stream().anyMatch(c -> c.action() == LinkAction.PREFERENCES && c.contactId().equals(ivy[0])));
    }

    @Test
    void aResolvedCaseAsksTheCustomerWithConfirmationAndRatingLinksUnderTheContractBasis() {
        String address = "cass-" + UUID.randomUUID() + "@example.com";
        UUID[] cass = Seed.person("Cass", address, "support-form");
        String supportCase = Seed.as(Suite.FEEDBACK, "agent").body("{\"contactId\":\"" + cass[0] + "\",\"problem\":\"My <bill> "
                + "doubled\",\"channel\":\"PHONE\"}").post("/cases").then().statusCode(201).extract().path("id");
        Seed.as(Suite.FEEDBACK, "agent").body("{\"note\":\"Refunded the difference\"}").post("/cases/" + supportCase + "/resolution")
                .then().statusCode(200);
        Map<String, Object> outreach = queuedFor(cass[0]);

        MimeMessage mail = deliveredTo(address, (String) outreach.get("id"));

        assertEquals("Was your problem solved?", Mime.subject(mail));
        String text = Mime.part(mail, "text/plain");
        String html = Mime.part(mail, "text/html");
        assertTrue(text.contains("> My <bill> doubled") && html.contains("My &lt;bill&gt; doubled"), text);
        // purpose "service" has the contract basis: no consent needed, and the message says so
        assertTrue(text.contains("We may send them because they are part of what you have with us (contract)."), text);
        List<LinkClaims> links = links(text);
        UUID caseId = UUID.fromString(supportCase);
        assertTrue(links.stream().anyMatch(c -> c.action() == LinkAction.CASE && caseId.equals(c.ref())), links::toString);
        assertTrue(links.stream().anyMatch(c -> c.action() == LinkAction.RATING && caseId.equals(c.ref())), links::toString);
    }
}
