package dev.rapport.delivery.testing;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.suite.Suite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * contacts-service, consent-service and feedback-service as real processes (their built jars, embedded PostgreSQL,
 * the development key), so delivery is tested against what it really talks to: the queue's leases and
 * acknowledgements, the roles each read needs, the ledger an unsubscribe writes. Delivery authenticates with a
 * development token of role integration.
 */
public class Services implements QuarkusTestResourceLifecycleManager {
    private static Suite suite;

    @Override
    public Map<String, String> start() {
        suite = Suite.builder(Suite.repoFromModule()).members(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK).start();
        return Map.of("quarkus.rest-client.contacts.url", suite.url(Suite.CONTACTS),
                "quarkus.rest-client.consent.url", suite.url(Suite.CONSENT),
                "quarkus.rest-client.feedback.url", suite.url(Suite.FEEDBACK),
                "rapport.delivery.bearer-token", Tokens.issue("rapport-delivery", List.of("integration"), null, 24 * 3600));
    }

    @Override
    public void stop() {
        if (suite != null) {
            suite.stop();
        }
    }

    public static String url(String member) {
        return suite.url(member);
    }
}
