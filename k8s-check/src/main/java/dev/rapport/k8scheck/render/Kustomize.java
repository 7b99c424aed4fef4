package dev.rapport.k8scheck.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for exactly the features Rapport's manifests use:
 * {@code resources} (files and directories), {@code namespace}, {@code configMapGenerator} (literals; behaviours
 * create and merge; name hashed and references rewritten), {@code patches} (strategic-merge files, targets taken
 * from the patch's kind and name), {@code replicas} and {@code images}. Anything else in a kustomization is refused,
 * so the manifests cannot drift into features this renderer would get wrong. {@code KustomizeAgreementTest}
 * compares the result with kubectl's wherever kubectl is installed.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion", "kind", "namespace", "resources", "configMapGenerator", "patches", "replicas", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration");
    /** Lists a strategic-merge patch merges item by item (by this key) instead of replacing. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "imagePullSecrets", "name");
    private static final String[][] CONTAINER_LISTS = {
            {"spec", "containers"}, {"spec", "initContainers"},
            {"spec", "template", "spec", "containers"}, {"spec", "template", "spec", "initContainers"},
            {"spec", "jobTemplate", "spec", "template", "spec", "containers"},
            {"spec", "jobTemplate", "spec", "template", "spec", "initContainers"}};

    private Kustomize() {
    }

    /** The rendered resources of the kustomization in {@code directory}. */
    public static List<Map<String, Object>> render(Path directory) {
        List<Generated> resources = build(directory.toAbsolutePath().normalize());
        applyNameHashes(resources);
        List<Map<String, Object>> rendered = new ArrayList<>();
        resources.forEach(resource -> rendered.add(resource.body));
        return rendered;
    }

    /** A resource and, for a generated ConfigMap, the name it was generated with (null otherwise). */
    private record Generated(Map<String, Object> body, String generatorName) {
    }

    private static List<Generated> build(Path directory) {
        Map<String, Object> kustomization = YamlFiles.readOne(kustomizationFile(directory));
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomize field '" + field
                        + "' is not supported by k8s-check's renderer; keep the manifests to " + SUPPORTED_FIELDS);
            }
        }
        List<Generated> resources = new ArrayList<>();
        for (Object entry : Tree.list(kustomization.get("resources"))) {
            Path path = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                for (Map<String, Object> document : YamlFiles.readAll(inside(directory, path))) {
                    resources.add(new Generated(document, null));
                }
            }
        }
        for (Object generator : Tree.list(kustomization.get("configMapGenerator"))) {
            generateConfigMap(directory, Tree.map(generator), resources);
        }
        for (Object patch : Tree.list(kustomization.get("patches"))) {
            applyPatch(directory, Tree.map(patch), resources);
        }
        String namespace = Tree.string(kustomization, "namespace");
        if (namespace != null) {
            resources.forEach(resource -> setNamespace(resource.body, namespace));
        }
        for (Object replicas : Tree.list(kustomization.get("replicas"))) {
            setReplicas(Tree.map(replicas), resources);
        }
        for (Object image : Tree.list(kustomization.get("images"))) {
            resources.forEach(resource -> setImage(Tree.map(image), resource.body));
        }
        return resources;
    }

    private static Path kustomizationFile(Path directory) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(directory.resolve(name))) {
                return directory.resolve(name);
            }
        }
        throw new IllegalArgumentException("no kustomization in " + directory);
    }

    /** Like kustomize's load restrictor: a kustomization reads files only in or below its own directory. */
    private static Path inside(Path directory, Path file) {
        if (!file.startsWith(directory)) {
            throw new IllegalArgumentException(file + " is not in or below " + directory);
        }
        return file;
    }

    private static void generateConfigMap(Path directory, Map<String, Object> generator, List<Generated> resources) {
        for (String field : generator.keySet()) {
            if (!Set.of("name", "behavior", "literals").contains(field)) {
                throw new IllegalArgumentException(directory + ": configMapGenerator field '" + field + "' is not supported");
            }
        }
        String name = Tree.string(generator, "name");
        Map<String, Object> literals = new LinkedHashMap<>();
        for (Object literal : Tree.list(generator.get("literals"))) {
            String text = String.valueOf(literal);
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(directory + ": literal '" + text + "' is not KEY=value");
            }
            literals.put(text.substring(0, equals), unquote(text.substring(equals + 1)));
        }
        String behavior = generator.getOrDefault("behavior", "create").toString();
        Generated existing = resources.stream().filter(r -> name.equals(r.generatorName)).findFirst().orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalArgumentException(directory + ": ConfigMap " + name + " is generated twice");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("apiVersion", "v1");
                body.put("kind", "ConfigMap");
                body.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
                body.put("data", literals);
                resources.add(new Generated(body, name));
            }
            case "merge", "replace" -> {
                if (existing == null) {
                    throw new IllegalArgumentException(directory + ": no generated ConfigMap " + name + " to " + behavior);
                }
                Map<String, Object> data = Tree.mapAt(existing.body, "data");
                if (behavior.equals("replace")) {
                    data.clear();
                }
                data.putAll(literals);
            }
            default -> throw new IllegalArgumentException(directory + ": configMapGenerator behavior " + behavior);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void applyPatch(Path directory, Map<String, Object> patch, List<Generated> resources) {
        if (patch.containsKey("target") || !patch.containsKey("path")) {
            throw new IllegalArgumentException(directory + ": only 'patches: - path: <strategic merge file>' is supported");
        }
        Path file = inside(directory, directory.resolve(String.valueOf(patch.get("path"))).normalize());
        for (Map<String, Object> document : YamlFiles.readAll(file)) {
            String kind = Tree.string(document, "kind");
            String name = Tree.string(document, "metadata", "name");
            List<Generated> targets = resources.stream()
                    .filter(r -> kind.equals(Tree.string(r.body, "kind"))
                            && name.equals(Tree.string(r.body, "metadata", "name")))
                    .toList();
            if (targets.size() != 1) {
                throw new IllegalArgumentException(file + ": patch for " + kind + "/" + name + " matches "
                        + targets.size() + " resources");
            }
            Map<String, Object> changes = Tree.deepCopy(document);
            changes.remove("apiVersion");
            changes.remove("kind");
            mergeMap(targets.get(0).body, changes);
        }
    }

    /** Strategic merge: maps merge, null deletes, lists with a merge key merge item by item, other lists replace. */
    static void mergeMap(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " is not supported");
            }
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                mergeMap(Tree.map(current), Tree.map(value));
            } else if (value instanceof List && current instanceof List && MERGE_KEYS.containsKey(key)) {
                mergeList(Tree.list(current), Tree.list(value), MERGE_KEYS.get(key));
            } else {
                target.put(key, Tree.deepCopy(value));
            }
        }
    }

    private static void mergeList(List<Object> target, List<Object> patch, String mergeKey) {
        for (Object item : patch) {
            Object id = Tree.at(item, mergeKey);
            Map<String, Object> match = target.stream().map(Tree::map)
                    .filter(existing -> existing != null && id != null && id.equals(existing.get(mergeKey)))
                    .findFirst().orElse(null);
            if (match == null) {
                target.add(Tree.deepCopy(item));
            } else {
                mergeMap(match, Tree.map(item));
            }
        }
    }

    private static void setNamespace(Map<String, Object> body, String namespace) {
        String kind = Tree.string(body, "kind");
        if ("Namespace".equals(kind)) {
            Tree.mapAt(body, "metadata").put("name", namespace);
        } else if (!CLUSTER_SCOPED_KINDS.contains(kind)) {
            Tree.mapAt(body, "metadata").put("namespace", namespace);
        }
    }

    private static void setReplicas(Map<String, Object> replicas, List<Generated> resources) {
        String name = Tree.string(replicas, "name");
        int matched = 0;
        for (Generated resource : resources) {
            if (Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(Tree.string(resource.body, "kind"))
                    && name.equals(Tree.string(resource.body, "metadata", "name"))) {
                Tree.mapAt(resource.body, "spec").put("replicas", replicas.get("count"));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("replicas: no workload named " + name);
        }
    }

    private static void setImage(Map<String, Object> rule, Map<String, Object> body) {
        for (String[] path : CONTAINER_LISTS) {
            for (Object container : Tree.list(Tree.at(body, path))) {
                Map<String, Object> map = Tree.map(container);
                String image = map == null ? null : Tree.string(map, "image");
                if (image == null) {
                    continue;
                }
                ImageRef ref = ImageRef.parse(image);
                if (!ref.name().equals(Tree.string(rule, "name"))) {
                    continue;
                }
                String name = rule.containsKey("newName") ? Tree.string(rule, "newName") : ref.name();
                if (rule.containsKey("digest")) {
                    map.put("image", name + "@" + Tree.string(rule, "digest"));
                } else if (rule.containsKey("newTag")) {
                    map.put("image", name + ":" + Tree.string(rule, "newTag"));
                } else {
                    map.put("image", name + ref.suffix());
                }
            }
        }
    }

    /** Appends kustomize's content hash to each generated ConfigMap's name and rewrites the references to it. */
    private static void applyNameHashes(List<Generated> resources) {
        for (Generated generated : resources) {
            if (generated.generatorName == null) {
                continue;
            }
            String hashed = generated.generatorName + "-" + hash(Tree.map(generated.body.get("data")));
            String namespace = Tree.string(generated.body, "metadata", "namespace");
            Tree.mapAt(generated.body, "metadata").put("name", hashed);
            for (Generated resource : resources) {
                if (java.util.Objects.equals(namespace, Tree.string(resource.body, "metadata", "namespace"))) {
                    PodSpecs.renameConfigMap(resource.body, generated.generatorName, hashed);
                }
            }
        }
    }

    /** kustomize's ConfigMap hash: SHA-256 of Go's JSON for {data, kind, name: ""}, ten characters, some swapped. */
    static String hash(Map<String, Object> data) {
        Map<String, Object> encoded = new TreeMap<>();
        encoded.put("data", data == null ? Map.of() : new TreeMap<>(data));
        encoded.put("kind", "ConfigMap");
        encoded.put("name", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(GoJson.write(encoded).getBytes(StandardCharsets.UTF_8));
            char[] hex = HexFormat.of().formatHex(digest).substring(0, 10).toCharArray();
            for (int i = 0; i < hex.length; i++) {
                hex[i] = switch (hex[i]) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> hex[i];
                };
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
