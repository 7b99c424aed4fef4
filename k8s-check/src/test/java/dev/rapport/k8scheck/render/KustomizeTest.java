package dev.rapport.k8scheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer on small kustomizations whose kubectl output is known (recorded from kubectl kustomize v5.5). */
class KustomizeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void base() throws IOException {
        write("base/kustomization.yaml", """
                namespace: rapport
                resources: [ns.yaml, dep.yaml]
                configMapGenerator:
                  - name: app-config
                    literals: [A=1, B=two]
                """);
        write("base/ns.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: rapport}
                """);
        write("base/dep.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: app
                          image: example.com/app:1.0
                          envFrom: [{configMapRef: {name: app-config}}]
                          env:
                            - {name: K, valueFrom: {configMapKeyRef: {name: app-config, key: A}}}
                            - {name: L, value: "1"}
                """);
    }

    @Test
    void generatedConfigMapIsHashedLikeKustomizeAndReferencesFollow() {
        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("base"));
        Map<String, Object> configMap = find(rendered, "ConfigMap");
        assertEquals("app-config-6b56fdfggc", Tree.string(configMap, "metadata", "name"));
        assertEquals("rapport", Tree.string(configMap, "metadata", "namespace"));
        Map<String, Object> container = container(rendered);
        assertEquals("app-config-6b56fdfggc", Tree.string(Tree.list(container.get("envFrom")).get(0), "configMapRef", "name"));
        assertEquals("app-config-6b56fdfggc",
                Tree.string(Tree.list(container.get("env")).get(0), "valueFrom", "configMapKeyRef", "name"));
    }

    @Test
    void overlayMergesGeneratorSetsNamespaceReplicasImagesAndPatches() throws IOException {
        write("overlay/kustomization.yaml", """
                namespace: rapport-dev
                resources: [../base]
                replicas: [{name: app, count: 3}]
                images: [{name: example.com/app, newTag: "2.0"}]
                patches: [{path: patch.yaml}]
                configMapGenerator:
                  - name: app-config
                    behavior: merge
                    literals: [B=three, C=x]
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: L, value: "2"}
                            - {name: M, value: "3"}
                          resources: {limits: {memory: 1Gi}}
                """);
        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("overlay"));
        assertEquals("rapport-dev", Tree.string(find(rendered, "Namespace"), "metadata", "name"));
        Map<String, Object> configMap = find(rendered, "ConfigMap");
        assertEquals("app-config-d7594657f7", Tree.string(configMap, "metadata", "name"));
        assertEquals(Map.of("A", "1", "B", "three", "C", "x"), configMap.get("data"));
        Map<String, Object> deployment = find(rendered, "Deployment");
        assertEquals(3, Tree.at(deployment, "spec", "replicas"));
        assertEquals("rapport-dev", Tree.string(deployment, "metadata", "namespace"));
        Map<String, Object> container = container(rendered);
        assertEquals("example.com/app:2.0", container.get("image"));
        assertEquals(List.of("K", "L", "M"), Tree.list(container.get("env")).stream().map(e -> Tree.string(e, "name")).toList());
        assertEquals("2", Tree.string(Tree.list(container.get("env")).get(1), "value"));
        assertEquals("1Gi", Tree.string(container, "resources", "limits", "memory"));
    }

    @Test
    void nullInAPatchDeletesTheField() throws IOException {
        write("overlay/kustomization.yaml", "resources: [../base]\npatches: [{path: patch.yaml}]\n");
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {replicas: null}
                """);
        assertTrue(!Tree.map(find(Kustomize.render(dir.resolve("overlay")), "Deployment").get("spec")).containsKey("replicas"));
    }

    @Test
    void refusesFeaturesItDoesNotImplement() throws IOException {
        write("overlay/kustomization.yaml", "resources: [../base]\nnamePrefix: dev-\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("overlay")));
        assertTrue(e.getMessage().contains("namePrefix"), e.getMessage());
    }

    @Test
    void refusesFilesOutsideTheKustomizationLikeKustomize() throws IOException {
        write("overlay/kustomization.yaml", "resources: [../base/dep.yaml]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("overlay")));
        assertTrue(e.getMessage().contains("is not in or below"), e.getMessage());
    }

    @Test
    void patchThatMatchesNothingFails() throws IOException {
        write("overlay/kustomization.yaml", "resources: [../base]\npatches: [{path: patch.yaml}]\n");
        write("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\nspec: {replicas: 2}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("overlay")));
    }

    @Test
    void imageReferences() {
        assertEquals(new ImageRef("registry:5000/a/b", "1.0", null), ImageRef.parse("registry:5000/a/b:1.0"));
        assertEquals(new ImageRef("registry:5000/a/b", null, "sha256:ab"), ImageRef.parse("registry:5000/a/b@sha256:ab"));
        assertEquals(new ImageRef("b", null, null), ImageRef.parse("b"));
    }

    @Test
    void goJsonEscapesLikeGo() {
        assertEquals("{\"a\":\"\\u003cx\\u0026y\\u003e\",\"b\":[1,true]}", GoJson.write(Map.of("b", List.of(1, true), "a", "<x&y>")));
    }

    private static Map<String, Object> find(List<Map<String, Object>> rendered, String kind) {
        return rendered.stream().filter(r -> kind.equals(r.get("kind"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> container(List<Map<String, Object>> rendered) {
        return Tree.map(Tree.list(Tree.at(find(rendered, "Deployment"), "spec", "template", "spec", "containers")).get(0));
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
