package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The admin registers a partner webhook on the Webhooks page against a receiver in this test (loopback, a free port):
 * the signing secret is shown once and copied; a new contact reaches the receiver and the delivery log; a replay sends
 * the event again under its webhook-id; pause, resume and delete. The page in Arabic and on a phone.
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class WebhooksBrowserTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String url;

    /** A partner's receiver: keeps each request's webhook-id, body, webhook-timestamp and webhook-signature, answers 204. */
    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new String[] {headers.getFirst("webhook-id"), body, headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        for (var s : Gql.as("admin", "{ webhookSubscriptions { id url } }", Map.of()).path("webhookSubscriptions")) {
            if (s.path("url").asText().equals(url)) {
                Gql.as("admin", "mutation($id: ID!) { deleteWebhookSubscription(id: $id) }", Map.of("id", s.path("id").asText()));
            }
        }
    }

    @Test
    void theAdminRegistersAWebhookSeesItsDeliveriesReplaysAndDeletesIt() {
        try (StaffSession s = StaffSession.logIn("admin")) {
            try {
                s.context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
                s.navigate("Webhooks").heading("Webhooks");
                Locator page = s.page.locator("rapport-webhooks");
                Locator form = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("New subscription"));
                Locator urlField = form.getByLabel("Address (URL)");
                Locator register = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register"));

                // refused, and said beside the field: plain http to another machine, then no event type
                urlField.fill("http://partner.example/hook");
                form.getByLabel(Pattern.compile("contact\\.created")).check();
                register.click();
                assertThat(urlField).hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#" + urlField.getAttribute("aria-describedby"))).containsText("must use https");
                urlField.fill(url);
                form.getByLabel(Pattern.compile("contact\\.created")).uncheck();
                register.click();
                assertThat(urlField).hasAttribute("aria-invalid", "false");
                assertThat(page.locator("#register-eventTypes-error")).not().isEmpty();

                // registered: the secret once, copied
                form.getByLabel(Pattern.compile("contact\\.created")).check();
                form.getByLabel("Description").fill("CRM sync " + suffix);
                register.click();
                Locator secret = page.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Signing secret"));
                assertThat(secret).hasValue(Pattern.compile("^whsec_.{30,}"));
                String value = secret.inputValue();
                assertThat(page.getByText("Rapport will never show it again", new Locator.GetByTextOptions())).isVisible();
                page.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")).click();
                assertThat(page.getByText("Copied.")).isVisible();
                assertEquals(value, s.page.evaluate("navigator.clipboard.readText()"));
                Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(url));
                assertThat(row).containsText("contact.created");
                assertThat(row).containsText("Active");
                assertThat(row).containsText("Contacts");
                s.accessible("webhooks, the secret shown");
                s.screenshot("console-webhooks");
                page.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it")).click();
                assertThat(secret).hasCount(0);
                s.page.reload();
                assertThat(row).isVisible();
                assertThat(page.getByText(Pattern.compile("whsec_[A-Za-z0-9+/]{20,}"))).hasCount(0);

                // a new contact reaches the receiver, and the log
                String contactId = Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }",
                        Map.of("in", Map.of("givenName", "Hook", "familyName", "Partner " + suffix))).path("createContact").path("id").asText();
                String[] first = awaitDelivery(contactId, 1);
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delivery log of " + url)).click();
                Locator log = page.locator("section").filter(new Locator.FilterOptions().setHas(
                        s.page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName(Pattern.compile("^Delivery log")))));
                Locator delivery = log.locator("tbody tr").filter(new Locator.FilterOptions().setHas(
                        s.page.locator("a[href='/staff/contacts/" + contactId + "']")));
                for (int i = 0; i < 20 && !(delivery.count() > 0 && delivery.first().textContent().contains("Delivered")); i++) {
                    s.page.waitForTimeout(500);
                    log.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refresh")).click();
                }
                assertThat(delivery).containsText("contact.created");
                assertThat(delivery).containsText("Delivered");
                assertThat(delivery).containsText("204");

                // replay: from a moment in the future is refused beside "From"; from ten minutes ago sends it again
                Locator replay = log.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Send again"));
                Locator from = replay.getByLabel("From");
                from.fill(localTime(24 * 60));
                replay.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send again")).click();
                assertThat(from).hasAttribute("aria-invalid", "true");
                assertThat(log.locator("#" + from.getAttribute("aria-describedby"))).hasText("is in the future");
                from.fill(localTime(-10));
                replay.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send again")).click();
                assertThat(page.locator("p.notice.ok")).hasText(Pattern.compile("\\d+ deliveries scheduled\\."));
                String[] again = awaitDelivery(contactId, 2);
                assertEquals(first[0], again[0], "a replay keeps the event's webhook-id");
                s.accessible("webhooks, the delivery log");
                s.screenshot("console-webhooks-log");

                // a new secret: shown once like the first, and the previous one still signs for a while
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("New secret for " + url)).click();
                assertThat(secret).hasValue(Pattern.compile("^whsec_.{30,}"));
                assertThat(secret).not().hasValue(value);
                assertThat(page.getByText("also carry a signature made with the previous secret")).isVisible();
                page.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it")).click();
                assertThat(secret).hasCount(0);

                // pause, resume, delete
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause " + url)).click();
                assertThat(row).containsText("Paused");
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume " + url)).click();
                assertThat(row).containsText("Active");
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete " + url)).click();
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete it and its log")).click();
                assertThat(row).hasCount(0);
                assertFalse(Gql.as("admin", "{ webhookSubscriptions { url } }", Map.of()).toString().contains(url));
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    @Test
    void theAdminRegistersAWebhookWithASecretOfTheirOwn() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String own = "whsec_" + Base64.getEncoder().encodeToString(key);
        try (StaffSession s = StaffSession.logIn("admin")) {
            try {
                s.navigate("Webhooks").heading("Webhooks");
                Locator page = s.page.locator("rapport-webhooks");
                Locator form = page.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("New subscription"));
                form.getByLabel("Address (URL)").fill(url);
                form.getByLabel(Pattern.compile("contact\\.created")).check();
                form.getByText("Use a secret of my own").click();
                Locator secret = form.getByLabel("Your secret");
                Locator register = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register"));

                // too short to sign safely: said beside the field, nothing registered
                secret.fill("whsec_c2hvcnQ=");
                register.click();
                assertThat(secret).hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#register-secret-error")).not().isEmpty();
                assertFalse(Gql.as("admin", "{ webhookSubscriptions { url } }", Map.of()).toString().contains(url));

                // registered with it: not shown back, and the partner's events are signed with it
                secret.fill(own);
                register.click();
                assertThat(page.locator("p.notice.ok")).hasText("Subscription to " + url + " registered; it signs with the secret you gave.");
                assertThat(page.getByText(Pattern.compile("whsec_[A-Za-z0-9+/]{20,}"))).hasCount(0);
                String contactId = Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }",
                        Map.of("in", Map.of("givenName", "Own", "familyName", "Secret " + suffix))).path("createContact").path("id").asText();
                String[] delivery = awaitDelivery(contactId, 1);
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((delivery[0] + "." + delivery[2] + "." + delivery[1]).getBytes(StandardCharsets.UTF_8)));
                assertTrue(List.of(delivery[3].split(" ")).contains(expected), "signed with the admin's secret: " + delivery[3]);
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }

    @Test
    void theWebhooksPageInArabicAndOnAPhone() {
        Gql.as("admin", "mutation($in: WebhookSubscriptionInput!) { registerWebhookSubscription(input: $in) { secret } }",
                Map.of("in", Map.of("url", url, "eventTypes", List.of("CONTACT_CREATED", "CONTACT_MERGED"),
                        "description", "مزامنة " + suffix)));
        StaffSession.inArabicAndOnAPhone("admin", "/staff/webhooks", "خطافات الويب", "Webhooks", "مزامنة " + suffix, "console-webhooks");
    }

    /** The n-th request about this contact the receiver got (waits up to 30 s): {webhook-id, body}. */
    private String[] awaitDelivery(String contactId, int n) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            List<String[]> about = received.stream().filter(r -> r[1].contains(contactId)).toList();
            if (about.size() >= n) {
                return about.get(n - 1);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the receiver got " + received.size() + " requests, not " + n + " about " + contactId);
    }

    /** A datetime-local value this many minutes from now, in the browser's zone (the test JVM's, as Chromium's). */
    private static String localTime(int minutesFromNow) {
        return java.time.LocalDateTime.now().plusMinutes(minutesFromNow).withSecond(0).withNano(0).toString();
    }
}
