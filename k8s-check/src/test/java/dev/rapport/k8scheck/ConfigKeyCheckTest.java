package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rapport.k8scheck.render.Tree;

class ConfigKeyCheckTest {

    private final ConfigKeyCheck check = new ConfigKeyCheck(Repo.root());

    @Test
    void realOverlayIsClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
    }

    @Test
    void keyTheApplicationDoesNotRead() {
        Repo.Fixture fixture = Repo.prodFixture();
        // A plausible typo: the application reads RAPPORT_CONSENT_URL.
        Tree.mapAt(fixture.get("ConfigMap", "contacts-service-config"), "data").put("RAPPORT_CONSENT_URI", "http://x");
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service",
                "sets RAPPORT_CONSENT_URI, which contacts-service does not read");
    }

    @Test
    void quarkusKeyOfAnExtensionTheServiceDoesNotHave() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("ConfigMap", "consent-service-config"), "data").put("QUARKUS_MAILER_HOST", "smtp.example.com");
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service", "sets QUARKUS_MAILER_HOST");
    }

    @Test
    void directEnvIsCheckedToo() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.list(fixture.container("feedback-service").get("env")).add(Map.of("name", "RAPPORT_SECRET", "value", "x"));
        Expect.caught(check, fixture.manifests(), "Deployment/feedback-service", "sets RAPPORT_SECRET");
    }

    @Test
    void missingDatabaseUrlIsCaught() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("ConfigMap", "feedback-service-config"), "data").remove("RAPPORT_DB_URL");
        Expect.caught(check, fixture.manifests(), "Deployment/feedback-service",
                "does not set RAPPORT_DB_URL: feedback-service refuses to start without its database");
    }

    @Test
    void readsKeysFromPropertiesExpressionsMappingsAndCode(@TempDir Path module) throws IOException {
        Path resources = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), """
                quarkus.http.port=8081
                %prod.quarkus.log.category."dev.rapport".level=DEBUG
                quarkus.oidc.auth-server-url=${RAPPORT_OIDC_URL:http://localhost:8180/realms/rapport}
                quarkus.datasource.reactive.url=${rapport.db.url}
                """);
        Path java = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(java.resolve("Limits.java"), """
                @ConfigMapping(prefix = "rapport.limits")
                public interface Limits {
                    @WithDefault("5")
                    int maxTouches();
                    Window window();
                    interface Window { java.time.Duration length(); }
                }
                """);
        Files.writeString(java.resolve("Tokens.java"), """
                class Tokens {
                    @ConfigProperty(name = "rapport.tokens.secret") String secret;
                    String dir = System.getenv("RAPPORT_DATA_DIR");
                }
                """);
        AppConfig config = AppConfig.of(module);
        for (String env : new String[] {"QUARKUS_HTTP_PORT", "QUARKUS_LOG_CATEGORY__DEV_RAPPORT__LEVEL", "RAPPORT_OIDC_URL",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "RAPPORT_DB_URL", "RAPPORT_LIMITS_MAX_TOUCHES",
                "RAPPORT_LIMITS_WINDOW_LENGTH", "RAPPORT_TOKENS_SECRET", "RAPPORT_DATA_DIR"}) {
            assertTrue(config.readsEnv(env), env);
        }
        for (String env : new String[] {"RAPPORT_OIDC_URI", "RAPPORT_LIMITS_MAX_TOUCH", "RAPPORT_OTHER_MAX_TOUCHES",
                "QUARKUS_HTTP_HOST", "RAPPORT_DB"}) {
            assertFalse(config.readsEnv(env), env);
        }
        assertTrue(config.readsProperty("rapport.db.url"));
    }
}
