package dev.rapport.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.rapport.devstack.testing.suite.Suite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What the pages need for real flows: Keycloak with the repository's realm, the three services and the gateway from
 * their built jars (production configuration, embedded PostgreSQL), started through the platform's {@link Suite} once
 * per test JVM (every test class that needs them shares {@link Profile}) and stopped by PID at the end.
 * <p>
 * The web module itself runs in the test JVM on a port chosen here first, so that its origin can be allowed where a
 * browser needs it: the gateway's CORS origins and the {@code rapport-spa} client's web origins in Keycloak.
 */
public class RealSuite implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DELIVERY = "delivery";
    private static final List<String> MEMBERS = List.of(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK, Suite.GATEWAY);
    private static Suite suite;
    private static int webPort;
    private static GreenMail mail;

    /** The test profile of every browser test that runs against the real suite. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealSuite.class));
        }
    }

    /** The suite can run only after a full build (the jars and the unpacked Keycloak exist). */
    public static boolean available() {
        return Suite.available(Suite.repoFromModule(), true, MEMBERS);
    }

    /** With the e-mail delivery module too (the e-mail loop). */
    public static boolean deliveryAvailable() {
        return available() && Suite.available(Suite.repoFromModule(), false, List.of(DELIVERY));
    }

    /** The SMTP server delivery sends to: every e-mail the suite sent. */
    public static GreenMail mail() {
        return mail;
    }

    public static Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("Use @TestProfile(RealSuite.Profile.class)");
        }
        return suite;
    }

    /** The web module's own address in this test JVM. */
    public static String webUrl() {
        return "http://localhost:" + webPort;
    }

    public static String graphqlUrl() {
        return suite().url(Suite.GATEWAY) + "/graphql";
    }

    @Override
    public synchronized Map<String, String> start() {
        // ports are picked free and then bound by the processes: on a machine running other suites one may be taken in
        // between, and the suite does not start; a fresh set of ports then does
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (IllegalStateException e) {
                if (attempt == 2 || !String.valueOf(e.getCause()).contains("exited")) {
                    throw e;
                }
                System.out.println("[web] the suite did not start (" + e.getCause().getMessage() + "); again on other ports");
            }
        }
    }

    private Map<String, String> startOnce() {
        try {
            webPort = Suite.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String origin = webUrl();
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
        }
        Suite.Builder builder = Suite.builder(Suite.repoFromModule()).keycloak(true)
                .members(MEMBERS.toArray(String[]::new))
                .environment(Suite.GATEWAY, "RAPPORT_WEB_ORIGINS", origin)
                // Quarkus's own CORS switches, for a gateway build that does not read RAPPORT_WEB_ORIGINS
                .property(Suite.GATEWAY, "quarkus.http.cors.enabled", "true")
                .property(Suite.GATEWAY, "quarkus.http.cors.origins", origin);
        // A first write to a service that has just started can take seconds on a loaded machine (its connection pool,
        // its first statements compiled): the gateway's 2 s per call would answer service-unavailable. Tests give
        // each service call 10 s, as the gateway's own test profile gives 3 s.
        for (String client : List.of("contacts.ContactsClient", "consent.ConsentClient", "feedback.FeedbackClient")) {
            builder.property(Suite.GATEWAY, "dev.rapport.gateway.clients." + client + "/Timeout/value", "10000");
        }
        if (deliveryAvailable()) {
            // e-mail for real: links in messages point at this web module, mail goes to the in-process GreenMail
            builder.members(DELIVERY)
                    .environment(DELIVERY, "RAPPORT_WEB_URL", origin)
                    .environment(DELIVERY, "RAPPORT_SMTP_HOST", "127.0.0.1")
                    .environment(DELIVERY, "RAPPORT_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()))
                    .environment(DELIVERY, "RAPPORT_SMTP_START_TLS", "DISABLED")
                    .environment(DELIVERY, "RAPPORT_SMTP_LOGIN", "DISABLED")
                    .environment(DELIVERY, "RAPPORT_DELIVERY_POLL_INTERVAL", "300ms")
                    // the base of unsubscribe links (required in production); these tests do not follow them
                    .environment(DELIVERY, "RAPPORT_DELIVERY_URL", "http://localhost:8084");
        }
        suite = builder.start();
        allowWebOrigin(origin);
        // the gateway's start page logs in from the gateway's own (random) origin
        allowWebOrigin(suite.url(Suite.GATEWAY));
        createPurposes();
        return Map.of("quarkus.http.test-port", String.valueOf(webPort),
                "rapport.web.gateway-url", graphqlUrl(),
                "rapport.web.auth-server-url", suite.oidcUrl());
    }

    /**
     * Keycloak lets a browser read the token endpoint's answer only from a listed web origin, and it knows no port
     * wildcard: the test's random origin is added to {@code rapport-spa} the way an operator adds theirs.
     */
    private static void allowWebOrigin(String origin) {
        String admin = suite.keycloakAdminToken();
        String clients = suite.keycloakUrl() + "/admin/realms/rapport/clients";
        JsonNode found = Http.json("GET", clients + "?clientId=rapport-spa", admin, null).path(0);
        if (!(found instanceof ObjectNode client)) {
            throw new IllegalStateException("The realm has no client rapport-spa");
        }
        List<String> origins = new ArrayList<>();
        client.path("webOrigins").forEach(o -> origins.add(o.asText()));
        origins.add(origin);
        ArrayNode list = client.putArray("webOrigins");
        origins.forEach(list::add);
        Http.json("PUT", clients + "/" + client.path("id").asText(), admin, client);
    }

    /**
     * The standard purposes, as ./rapport creates them on a first start (409: there already). Straight to
     * consent-service with a patient client, and a first request to each service: on a busy machine the first call pays
     * for fetching Keycloak's keys and opening pools, which can exceed the gateway's timeout.
     */
    private static void createPurposes() {
        String admin;
        try {
            admin = suite.keycloakToken("admin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[][] purposes = {{"newsletter", "CONSENT", "Product newsletter"}, {"marketing", "CONSENT", "Marketing offers and campaigns"},
            {"service", "CONTRACT", "Messages about what the customer bought: orders, cases, accounts"},
            {"survey", "CONSENT", "Consultations and feedback requests"}, {"renewal-offers", "CONSENT", "Early renewal offers"}};
        for (String[] p : purposes) {
            var body = JSON.createObjectNode().put("code", p[0]).put("lawfulBasis", p[1]).put("description", p[2]);
            int status = Http.status("POST", suite.url(Suite.CONSENT) + "/purposes", admin, body);
            if (status != 201 && status != 409) {
                throw new IllegalStateException("consent-service did not create the purpose " + p[0] + ": HTTP " + status);
            }
        }
        String anyId = "00000000-0000-7000-8000-000000000000";
        Http.status("GET", suite.url(Suite.CONTACTS) + "/contacts?limit=1", admin, null);
        Http.status("GET", suite.url(Suite.CONSENT) + "/contacts/" + anyId + "/consents", admin, null);
        Http.status("GET", suite.url(Suite.FEEDBACK) + "/cases?contactId=" + anyId, admin, null);
    }

    @Override
    public synchronized void stop() {
        if (suite != null) {
            suite.stop();
            suite = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
