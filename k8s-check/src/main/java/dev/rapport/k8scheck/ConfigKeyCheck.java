package dev.rapport.k8scheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.rapport.k8scheck.render.PodSpecs;
import dev.rapport.k8scheck.render.Tree;

/**
 * Every environment variable a Deployment gives its container (directly or through a ConfigMap in
 * {@code envFrom}) is configuration the application reads ({@link AppConfig}), a core Quarkus key, or one of the
 * base image's own variables ({@code known-env.txt}). A misspelt or stale key would otherwise be silently
 * ignored. And a service with a database gets {@code RAPPORT_DB_URL}: without it the service refuses to start.
 *
 * <p>The module is the repository folder named like the Deployment ({@code app.kubernetes.io/name}). A
 * Deployment whose module has no {@code application.properties} yet (not written, or being written) is listed by
 * {@link #unverified}, not failed.
 */
public final class ConfigKeyCheck implements ManifestCheck {

    private final Path repositoryRoot;
    private final Set<String> knownEnv;
    private final Set<String> unverified = new TreeSet<>();

    public ConfigKeyCheck(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
        this.knownEnv = knownEnv();
    }

    @Override
    public String name() {
        return "config-keys";
    }

    /** Deployments whose module folder was not found, so their keys could not be compared. */
    public Set<String> unverified() {
        return unverified;
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        manifests.ofKind("ConfigMap").forEach(c -> configMaps.put(Tree.string(c, "metadata", "name"), c));
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String module = Tree.string(deployment, "spec", "template", "metadata", "labels", "app.kubernetes.io/name");
            Path moduleDir = module == null ? null : repositoryRoot.resolve(module);
            if (moduleDir == null || !Files.isRegularFile(moduleDir.resolve("src/main/resources/application.properties"))) {
                unverified.add(manifests.name() + " " + Manifests.id(deployment));
                continue;
            }
            AppConfig app = AppConfig.of(moduleDir, repositoryRoot.resolve("platform"), repositoryRoot.resolve("security"));
            Set<String> given = new TreeSet<>();
            for (Map<String, Object> container : PodSpecs.containers(PodSpecs.podSpec(deployment))) {
                for (Object env : Tree.list(container.get("env"))) {
                    given.add(Tree.string(env, "name"));
                }
                for (Object envFrom : Tree.list(container.get("envFrom"))) {
                    String prefix = Tree.string(envFrom, "prefix") == null ? "" : Tree.string(envFrom, "prefix");
                    Map<String, Object> configMap = configMaps.get(Tree.string(envFrom, "configMapRef", "name"));
                    Map<String, Object> data = configMap == null ? null : Tree.map(configMap.get("data"));
                    if (data != null) {
                        data.keySet().forEach(key -> given.add(prefix + key));
                    }
                }
            }
            for (String name : given) {
                if (!app.readsEnv(name) && !knownEnv.contains(name)) {
                    findings.add(new Finding(name(), manifests.name(), Manifests.id(deployment),
                            "sets " + name + ", which " + module + " does not read (no such key in its "
                                    + "application.properties, @ConfigMapping or code)"));
                }
            }
            if (app.readsProperty("rapport.db.url") && !given.contains("RAPPORT_DB_URL")) {
                findings.add(new Finding(name(), manifests.name(), Manifests.id(deployment),
                        "does not set RAPPORT_DB_URL: " + module + " refuses to start without its database"));
            }
        }
        return findings;
    }

    private static Set<String> knownEnv() {
        try (InputStream in = ConfigKeyCheck.class.getResourceAsStream("known-env.txt")) {
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
