package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The CI gate: every overlay renders and keeps every rule. */
class OverlayChecksTest {

    static List<ManifestCheck> checks(boolean production) {
        List<ManifestCheck> checks = new ArrayList<>(List.of(
                new DeploymentHardeningCheck(),
                new ImagePinningCheck(),
                new ConfigReferenceCheck(Repo.exampleSecrets(), Repo.operationsDoc()),
                new SelectorTargetCheck(),
                new NetworkIsolationCheck(),
                new ConfigKeyCheck(Repo.root())));
        if (production) {
            checks.add(new DatabaseDurabilityCheck());
        }
        return checks;
    }

    @Test
    void bothOverlaysExist() {
        List<String> names = Repo.overlays().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dev", "prod")), "overlays: " + names);
    }

    @TestFactory
    List<DynamicTest> everyOverlayKeepsEveryRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path overlay : Repo.overlays()) {
            boolean production = overlay.getFileName().toString().equals("prod");
            for (ManifestCheck check : checks(production)) {
                tests.add(DynamicTest.dynamicTest(overlay.getFileName() + " " + check.name(), () -> {
                    Manifests manifests = Repo.render(overlay);
                    List<Finding> findings = check.check(manifests);
                    assertEquals("", findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
                    if (check instanceof ConfigKeyCheck keys && !keys.unverified().isEmpty()) {
                        System.out.println("config-keys: no module folder yet for " + keys.unverified()
                                + "; their keys are not verified");
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void renderedOverlaysHoldTheSuite() {
        for (String overlay : List.of("dev", "prod")) {
            Manifests manifests = Repo.overlay(overlay);
            assertEquals(6, manifests.deployments().size(), overlay + " deployments");
            assertEquals(4, manifests.ofKind("Cluster").size(), overlay + " databases");
            assertEquals(1, manifests.ofKind("Keycloak").size(), overlay + " keycloak");
            assertEquals(1, manifests.ofKind("KeycloakRealmImport").size(), overlay + " realm import");
            assertEquals(1, manifests.ingresses().size(), overlay + " ingress");
            assertFalse(manifests.ingresses().get(0).getSpec().getTls().isEmpty(), overlay + " ingress TLS");
            for (String kind : List.of("Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
                assertEquals(6, manifests.ofKind(kind).size(), overlay + " " + kind);
            }
        }
    }

    @Test
    void prodCommitsNoSecretAndDevOnlyFakeOnes() {
        assertTrue(Repo.overlay("prod").secrets().isEmpty(), "prod must not carry Secrets");
        for (var secret : Repo.overlay("dev").secrets()) {
            secret.getStringData().forEach((key, value) ->
                    assertTrue(value.toLowerCase().contains("fake"), secret.getMetadata().getName() + "/" + key
                            + " must be an obviously fake value"));
        }
    }
}
