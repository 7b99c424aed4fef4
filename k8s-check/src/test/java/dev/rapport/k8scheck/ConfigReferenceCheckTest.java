package dev.rapport.k8scheck;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class ConfigReferenceCheckTest {

    private static final String DOC_NAMING_EVERY_SECRET =
            "keycloak-clients feedback-service-secrets rapport-gateway-tls backup-object-store rapport-links smtp-relay "
                    + "rapport-webhooks";

    private final ConfigReferenceCheck check = new ConfigReferenceCheck(Repo.exampleSecrets(), DOC_NAMING_EVERY_SECRET);

    @Test
    void realOverlaysAreClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
        Expect.clean(check, Repo.devFixture().manifests());
    }

    @Test
    void configMapKeyNotDefined() {
        Repo.Fixture fixture = Repo.prodFixture();
        String configMap = Tree.string(fixture.get("ConfigMap", "contacts-service-config"), "metadata", "name");
        addEnv(fixture, "contacts-service", Map.of("name", "RAPPORT_OUTBOX_BATCH_SIZE",
                "valueFrom", Map.of("configMapKeyRef", Map.of("name", configMap, "key", "RAPPORT_OUTBOX_BATCH_SIZE"))));
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service",
                "ConfigMap " + configMap + " has no key RAPPORT_OUTBOX_BATCH_SIZE");
    }

    @Test
    void configMapNotDefined() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.remove("ConfigMap", "consent-service-config");
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service", "is not defined");
    }

    @Test
    void optionalReferencesMayBeMissing() {
        Repo.Fixture fixture = Repo.prodFixture();
        addEnv(fixture, "contacts-service", Map.of("name", "RAPPORT_OUTBOX_BATCH_SIZE", "valueFrom",
                Map.of("configMapKeyRef", Map.of("name", "nowhere", "key", "x", "optional", true))));
        Expect.clean(check, fixture.manifests());
    }

    @Test
    void secretKeyNeitherInOverlayNorDocumented() {
        Repo.Fixture fixture = Repo.prodFixture();
        addEnv(fixture, "feedback-service", Map.of("name", "RAPPORT_FEEDBACK_INVITATION_SECRET",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "feedback-service-secrets", "key", "hmac-key"))));
        Expect.caught(check, fixture.manifests(), "Deployment/feedback-service",
                "Secret feedback-service-secrets has no key hmac-key");
    }

    @Test
    void operatorSecretKeyThatTheOperatorDoesNotCreate() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Keycloak", "keycloak"), "spec", "db", "passwordSecret").put("key", "pass");
        Expect.caught(check, fixture.manifests(), "Keycloak/keycloak", "Secret keycloak-db-app has no key pass");
    }

    @Test
    void documentedSecretMissingFromTheOperationsGuide() {
        ConfigReferenceCheck withoutDoc = new ConfigReferenceCheck(Repo.exampleSecrets(), "keycloak-clients");
        Expect.caught(withoutDoc, Repo.prodFixture().manifests(), "ObjectStore/contacts-db-backups",
                "Secret backup-object-store is not described in docs/operations.md");
    }

    @Test
    void realmPlaceholderWithoutSecret() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> realmImport = fixture.get("KeycloakRealmImport", "rapport");
        Tree.map(Tree.at(realmImport, "spec", "placeholders")).remove("PARTNER_SECRET");
        Expect.caught(check, fixture.manifests(), "KeycloakRealmImport/rapport",
                "spec.realm uses ${PARTNER_SECRET} but spec.placeholders does not define it");
    }

    @Test
    void tlsSecretNotDefined() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> tls = Tree.map(Tree.list(Tree.at(fixture.get("Ingress", "gateway"), "spec", "tls")).get(0));
        tls.put("secretName", "gateway-cert");
        Expect.caught(check, fixture.manifests(), "Ingress/gateway", "Secret gateway-cert is not defined");
    }

    @Test
    void volumeItemsAreReferencesToo() {
        Repo.Fixture fixture = Repo.prodFixture();
        String configMap = Tree.string(fixture.get("ConfigMap", "gateway-config"), "metadata", "name");
        Tree.list(fixture.podSpec("gateway").get("volumes")).add(Map.of("name", "files", "configMap",
                Map.of("name", configMap, "items", List.of(Map.of("key", "schema.graphql", "path", "schema.graphql")))));
        Tree.list(fixture.podSpec("gateway").get("volumes")).add(Map.of("name", "certs", "secret",
                Map.of("secretName", "gateway-client-certs")));
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "has no key schema.graphql");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "Secret gateway-client-certs is not defined");
    }

    @SuppressWarnings("unchecked")
    private static void addEnv(Repo.Fixture fixture, String deployment, Map<String, Object> env) {
        Map<String, Object> container = fixture.container(deployment);
        List<Object> list = (List<Object>) container.computeIfAbsent("env", k -> new java.util.ArrayList<>());
        list.add(Tree.deepCopy(env));
    }
}
