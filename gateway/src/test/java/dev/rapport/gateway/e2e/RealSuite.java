package dev.rapport.gateway.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.devstack.testing.OtlpReceiver;
import dev.rapport.devstack.testing.suite.Suite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real suite for end-to-end tests: Keycloak with the repository's realm and the three services from their built
 * jars (prod configuration, embedded PostgreSQL in a temporary data directory), each on a random port, started through
 * the platform's {@link Suite} once per test JVM and stopped by PID when the tests end. Traces are on everywhere and
 * exported to a local OTLP receiver ({@link #traces}), as a cluster's collector would get them.
 */
public class RealSuite implements QuarkusTestResourceLifecycleManager {
    static final Path REPO = Suite.repoFromModule();
    static final String[] SERVICES = Suite.SERVICES.toArray(String[]::new);

    static final Map<String, String> URLS = new LinkedHashMap<>();
    static String keycloakUrl;
    static Suite suite;
    static OtlpReceiver traces;

    /** The suite can run only after a full build (service jars and the unpacked Keycloak exist). */
    public static boolean available() {
        return Suite.available(REPO, true, Suite.SERVICES);
    }

    @Override
    public Map<String, String> start() {
        try {
            traces = new OtlpReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("No local OTLP receiver", e);
        }
        Suite.Builder builder = Suite.builder(REPO).keycloak(true).members(SERVICES);
        for (String s : SERVICES) {
            tracing().forEach((key, value) -> builder.property(s, key, value));
        }
        suite = builder.start();
        keycloakUrl = suite.keycloakUrl();
        for (String s : SERVICES) {
            URLS.put(s, suite.url(s));
        }
        try {
            warmUp();
        } catch (IOException e) {
            suite.stop();
            throw new IllegalStateException("The end-to-end suite did not answer its first requests", e);
        }
        Map<String, String> links = Suite.LINK_ENVIRONMENT;
        Map<String, String> config = new LinkedHashMap<>(tracing());
        config.putAll(Map.of("quarkus.oidc.auth-server-url", suite.oidcUrl(),
                "quarkus.rest-client.contacts.url", URLS.get(Suite.CONTACTS),
                "quarkus.rest-client.consent.url", URLS.get(Suite.CONSENT),
                "quarkus.rest-client.feedback.url", URLS.get(Suite.FEEDBACK),
                // the prod configuration's link keys, as the suite gives the services (the development ones)
                "rapport.links.secret", links.get("RAPPORT_LINK_SECRET"),
                "rapport.links.signing-key", links.get("RAPPORT_LINK_SIGNING_KEY"),
                "quarkus.oidc.links.public-key", links.get("RAPPORT_LINK_PUBLIC_KEY")));
        return config;
    }

    /** The one switch (traces on) and where to: the local receiver, over OTLP/HTTP, flushed every 100 ms. */
    private static Map<String, String> tracing() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    /**
     * A first request pays for fetching Keycloak's keys, opening database pools and compiling hot code; on a busy
     * machine that can exceed the gateway's timeout. Pay it here, once, with a real token.
     */
    private static void warmUp() throws IOException {
        String token = suite.keycloakToken("admin");
        String anyId = "00000000-0000-7000-8000-000000000000";
        for (String path : List.of("contacts-service /contacts?limit=1", "contacts-service /values?contactIds=" + anyId,
                "consent-service /purposes", "consent-service /contacts/" + anyId + "/consents",
                "consent-service /contacts/" + anyId + "/policy", "feedback-service /cases?contactId=" + anyId)) {
            String[] target = path.split(" ");
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpURLConnection c = (HttpURLConnection) URI.create(URLS.get(target[0]) + target[1]).toURL().openConnection();
                c.setRequestProperty("Authorization", "Bearer " + token);
                c.setReadTimeout(60_000);
                c.getResponseCode();
            }
        }
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) a service: a hung service, without losing its state. */
    static void signal(String name, String signal) throws IOException, InterruptedException {
        suite.signal(name, signal);
    }

    @Override
    public void stop() {
        if (suite != null) {
            suite.stop();
        }
        if (traces != null) {
            traces.close();
        }
    }
}
