package dev.rapport.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rapport.devstack.testing.suite.Suite;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite (Keycloak with the repository's realm, the three services and the gateway, production
 * configuration) started once per test JVM and stopped when JUnit closes its root store, or by the suite's own
 * shutdown hook if the JVM is aborted. Test classes use it with {@code @ExtendWith(QuickSuite.class)} and
 * {@link #get()}.
 */
public final class QuickSuite implements BeforeAllCallback {
    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(QuickSuite.class, k -> start(), Running.class);
    }

    public static Running get() {
        if (running == null) {
            throw new IllegalStateException("Use @ExtendWith(QuickSuite.class)");
        }
        return running;
    }

    private static Running start() {
        var repo = Suite.repoFromModule();
        var members = new String[] {Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK, Suite.GATEWAY};
        if (!Suite.available(repo, true, java.util.List.of(members))) {
            throw new IllegalStateException("The service jars or the unpacked Keycloak are missing: run ./mvnw install -DskipTests "
                    + "(or ./mvnw verify, which builds them before this module)");
        }
        long t0 = System.nanoTime();
        Suite suite = Suite.builder(repo).keycloak(true).members(members).start();
        System.out.printf("[reliability] suite started in %d s (logs in %s)%n",
                Duration.ofNanos(System.nanoTime() - t0).toSeconds(), suite.dataDir());
        running = new Running(suite);
        return running;
    }

    /** The started suite, with a token cache per realm user. */
    public static final class Running implements ExtensionContext.Store.CloseableResource {
        private final Suite suite;
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, Long> issued = new ConcurrentHashMap<>();

        Running(Suite suite) {
            this.suite = suite;
        }

        public Suite suite() {
            return suite;
        }

        public String url(String member) {
            return suite.url(member);
        }

        /** A Keycloak access token for a realm user (password = user name), renewed before the realm's 5-minute expiry. */
        public String token(String user) {
            long now = System.currentTimeMillis();
            Long at = issued.get(user);
            if (at == null || now - at > 120_000) {
                try {
                    tokens.put(user, suite.keycloakToken(user));
                } catch (IOException e) {
                    throw new IllegalStateException("No token for " + user, e);
                }
                issued.put(user, now);
            }
            return tokens.get(user);
        }

        public String admin() {
            return token("admin");
        }

        @Override
        public void close() {
            suite.stop();
            running = null;
        }
    }
}
