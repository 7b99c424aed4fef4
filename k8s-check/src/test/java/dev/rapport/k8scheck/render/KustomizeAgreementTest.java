package dev.rapport.k8scheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Where kubectl is installed, every kustomization under k8s/ renders to exactly what {@code kubectl kustomize}
 * renders, so the checks judge what a cluster would receive. Without kubectl these tests are skipped and the
 * renderer's own tests (recorded from kubectl) stand.
 */
class KustomizeAgreementTest {

    @TestFactory
    List<DynamicTest> rendererAgreesWithKubectl() throws IOException {
        Path k8s = repositoryRoot().resolve("k8s");
        List<Path> kustomizations;
        try (var files = Files.walk(k8s)) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        }
        return kustomizations.stream().map(dir -> DynamicTest.dynamicTest(k8s.relativize(dir).toString(), () -> {
            String kubectl = kubectlKustomize(dir);
            assumeTrue(kubectl != null, "kubectl is not installed");
            assertEquals(byId(YamlFiles.parseAll(kubectl)), byId(Kustomize.render(dir)));
        })).toList();
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Map<String, Object> resource : resources) {
            byId.put(Tree.string(resource, "kind") + " " + Tree.string(resource, "metadata", "namespace") + "/"
                    + Tree.string(resource, "metadata", "name"), resource);
        }
        return byId;
    }

    private static String kubectlKustomize(Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return null;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("rapport.repo.root");
        return Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
    }
}
