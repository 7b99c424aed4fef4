package dev.rapport.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.rapport.k8scheck.render.Kustomize;
import dev.rapport.k8scheck.render.Tree;

/** The repository the tests check: its overlays rendered, its example secrets and its operations guide. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("rapport.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s/overlays"))) {
                return p;
            }
        }
        throw new IllegalStateException("no k8s/overlays above " + start);
    }

    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(root().resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests render(Path overlay) {
        return new Manifests(root().relativize(overlay).toString(), Kustomize.render(overlay));
    }

    static Manifests overlay(String name) {
        return render(root().resolve("k8s/overlays/" + name));
    }

    static Manifests exampleSecrets() {
        return render(root().resolve("k8s/secrets-example"));
    }

    static String operationsDoc() {
        Path doc = root().resolve("docs/operations.md");
        try {
            return Files.isRegularFile(doc) ? Files.readString(doc) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private copy of the rendered prod overlay, to break on purpose. */
    static Fixture prodFixture() {
        return new Fixture(Tree.deepCopy(new ArrayList<>(overlay("prod").resources())));
    }

    static Fixture devFixture() {
        return new Fixture(Tree.deepCopy(new ArrayList<>(overlay("dev").resources())));
    }

    /** Rendered resources to mutate, then check. */
    static final class Fixture {
        final List<Map<String, Object>> resources;

        Fixture(List<Map<String, Object>> resources) {
            this.resources = resources;
        }

        Map<String, Object> get(String kind, String name) {
            return resources.stream()
                    .filter(r -> kind.equals(Tree.string(r, "kind")) && Tree.string(r, "metadata", "name").startsWith(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + kind + "/" + name));
        }

        Map<String, Object> container(String deployment) {
            return Tree.map(Tree.list(Tree.at(get("Deployment", deployment), "spec", "template", "spec", "containers")).get(0));
        }

        Map<String, Object> podSpec(String deployment) {
            return Tree.map(Tree.at(get("Deployment", deployment), "spec", "template", "spec"));
        }

        Fixture remove(String kind, String name) {
            resources.remove(get(kind, name));
            return this;
        }

        Fixture add(String yaml) {
            resources.addAll(dev.rapport.k8scheck.render.YamlFiles.parseAll(yaml));
            return this;
        }

        Manifests manifests() {
            return new Manifests("fixture", resources);
        }
    }
}
