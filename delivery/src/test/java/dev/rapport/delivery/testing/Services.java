package dev.rapport.delivery.testing;

import dev.rapport.devstack.testing.OtlpReceiver;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.suite.Suite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * contacts-service, consent-service and feedback-service as real processes (their built jars, embedded PostgreSQL,
 * the development key), so delivery is tested against what it really talks to: the queue's leases and
 * acknowledgements, the roles each read needs, the ledger an unsubscribe writes. Delivery authenticates with a
 * development token of role integration.
 */
public class Services implements QuarkusTestResourceLifecycleManager {
    /** Init argument: {@code "true"} turns traces on in consent-service and delivery, exported to {@link #traces()}. */
    public static final String TRACED = "traced";
    /**
     * Init argument: the lifetime in seconds of delivery's access tokens in a real Keycloak realm. With it, the services
     * accept only the realm's tokens and delivery gets its own from its service account ({@code rapport-delivery},
     * client credentials), as in production; the staff calls of {@link Seed} use the realm's demo users.
     */
    public static final String KEYCLOAK_TOKEN_SECONDS = "keycloak-token-seconds";
    private static Suite suite;
    private static OtlpReceiver traces;
    private static boolean keycloak;
    private boolean traced;
    private Integer tokenSeconds;

    @Override
    public void init(Map<String, String> args) {
        traced = Boolean.parseBoolean(args.getOrDefault(TRACED, "false"));
        tokenSeconds = args.containsKey(KEYCLOAK_TOKEN_SECONDS) ? Integer.valueOf(args.get(KEYCLOAK_TOKEN_SECONDS)) : null;
    }

    @Override
    public Map<String, String> start() {
        keycloak = tokenSeconds != null;
        Map<String, String> tracing = traced ? tracing() : Map.of();
        Suite.Builder builder = Suite.builder(Suite.repoFromModule()).keycloak(keycloak)
                .members(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK);
        tracing.forEach((key, value) -> builder.property(Suite.CONSENT, key, value));
        suite = builder.start();
        Map<String, String> config = new HashMap<>(tracing);
        config.putAll(Map.of("quarkus.rest-client.contacts.url", suite.url(Suite.CONTACTS),
                "quarkus.rest-client.consent.url", suite.url(Suite.CONSENT),
                "quarkus.rest-client.feedback.url", suite.url(Suite.FEEDBACK)));
        if (keycloak) {
            RealmClients.tokenLifespan(suite, "rapport-delivery", tokenSeconds);
            config.putAll(Map.of("quarkus.oidc-client.client-enabled", "true",
                    "quarkus.oidc-client.auth-server-url", suite.oidcUrl(),
                    "rapport.delivery.bearer-token", ""));
        } else {
            config.put("rapport.delivery.bearer-token", Tokens.issue("rapport-delivery", List.of("integration"), null, 24 * 3600));
        }
        return config;
    }

    /** A staff member's token for {@code role}: the realm's demo user of that name, or the development key's. */
    public static String staffToken(String role) {
        if (!keycloak) {
            return Tokens.forRoles("test-" + role, role);
        }
        try {
            return suite.keycloakToken(role);
        } catch (IOException e) {
            throw new UncheckedIOException("No Keycloak token for " + role, e);
        }
    }

    /** Traces on, exported over OTLP/HTTP to a local receiver every 100 ms, as a cluster's collector would get them. */
    private static Map<String, String> tracing() {
        try {
            traces = new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("No local OTLP receiver", e);
        }
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        if (suite != null) {
            suite.stop();
        }
        if (traces != null) {
            traces.close();
            traces = null;
        }
        keycloak = false;
    }

    /** The spans consent-service and delivery exported, when started {@link #TRACED}. */
    public static OtlpReceiver traces() {
        return traces;
    }

    public static String url(String member) {
        return suite.url(member);
    }
}
