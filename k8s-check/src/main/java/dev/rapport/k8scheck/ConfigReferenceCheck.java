package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.k8scheck.render.PodSpecs;
import dev.rapport.k8scheck.render.Tree;

/**
 * Every ConfigMap and Secret key a manifest references exists. A ConfigMap must be in the same overlay. A Secret
 * is either in the overlay, or created by an operator (CloudNativePG's {@code <cluster>-app}, the Keycloak
 * operator's {@code <keycloak>-initial-admin}), or documented: present with the key in the example secrets
 * ({@code k8s/secrets-example}) and named in {@code docs/operations.md}. Every {@code ${PLACEHOLDER}} in the
 * realm import has a placeholder Secret.
 */
public final class ConfigReferenceCheck implements ManifestCheck {

    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username", "password", "user", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri",
            "fqdn-jdbc-uri");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Manifests exampleSecrets;
    private final String operationsDoc;

    /**
     * @param exampleSecrets the rendered {@code k8s/secrets-example}: the documented contract for Secrets
     * @param operationsDoc  the text of {@code docs/operations.md}
     */
    public ConfigReferenceCheck(Manifests exampleSecrets, String operationsDoc) {
        this.exampleSecrets = exampleSecrets;
        this.operationsDoc = operationsDoc;
    }

    @Override
    public String name() {
        return "config-references";
    }

    /** A reference to a ConfigMap or Secret, with a key or (key null) to the whole object. */
    record Reference(String kind, String name, String key, boolean optional, String from) {
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        Map<String, Set<String>> configMaps = keys(manifests, "ConfigMap");
        Map<String, Set<String>> secrets = keys(manifests, "Secret");
        operatorSecrets(manifests).forEach((name, keys) -> secrets.merge(name, keys, (a, b) -> {
            a.addAll(b);
            return a;
        }));
        Map<String, Set<String>> documented = exampleSecrets == null ? Map.of() : keys(exampleSecrets, "Secret");
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> resource : manifests.resources()) {
            for (Reference reference : references(resource, findings, manifests.name())) {
                String problem = reference.kind.equals("ConfigMap")
                        ? missing(configMaps, reference)
                        : missingSecret(secrets, documented, reference);
                if (problem != null && !reference.optional) {
                    findings.add(new Finding(name(), manifests.name(), Manifests.id(resource),
                            reference.from + ": " + problem));
                }
            }
        }
        return findings;
    }

    private static String missing(Map<String, Set<String>> defined, Reference reference) {
        Set<String> keys = defined.get(reference.name);
        if (keys == null) {
            return reference.kind + " " + reference.name + " is not defined";
        }
        if (reference.key != null && !keys.contains(reference.key)) {
            return reference.kind + " " + reference.name + " has no key " + reference.key;
        }
        return null;
    }

    private String missingSecret(Map<String, Set<String>> inOverlay, Map<String, Set<String>> documented,
            Reference reference) {
        String inThisOverlay = missing(inOverlay, reference);
        if (inThisOverlay == null) {
            return null;
        }
        if (inOverlay.containsKey(reference.name)) {
            return inThisOverlay;
        }
        String undocumented = missing(documented, reference);
        if (undocumented != null) {
            return undocumented + " in this overlay, nor documented in k8s/secrets-example";
        }
        if (operationsDoc == null || !operationsDoc.contains(reference.name)) {
            return "Secret " + reference.name + " is not described in docs/operations.md";
        }
        return null;
    }

    private static Map<String, Set<String>> keys(Manifests manifests, String kind) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Map<String, Object> resource : manifests.ofKind(kind)) {
            Set<String> names = new HashSet<>();
            for (String field : List.of("data", "binaryData", "stringData")) {
                Map<String, Object> data = Tree.map(resource.get(field));
                if (data != null) {
                    names.addAll(data.keySet());
                }
            }
            keys.computeIfAbsent(Tree.string(resource, "metadata", "name"), n -> new HashSet<>()).addAll(names);
        }
        return keys;
    }

    /** Secrets the operators create for the custom resources in the overlay. */
    private static Map<String, Set<String>> operatorSecrets(Manifests manifests) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Map<String, Object> cluster : manifests.ofKind("Cluster")) {
            if (Tree.at(cluster, "spec", "bootstrap", "initdb", "secret") == null) {
                secrets.put(Tree.string(cluster, "metadata", "name") + "-app", new HashSet<>(CNPG_APP_SECRET_KEYS));
            }
        }
        for (Map<String, Object> keycloak : manifests.ofKind("Keycloak")) {
            secrets.put(Tree.string(keycloak, "metadata", "name") + "-initial-admin",
                    new HashSet<>(Set.of("username", "password")));
        }
        return secrets;
    }

    private List<Reference> references(Map<String, Object> resource, List<Finding> findings, String overlay) {
        List<Reference> references = new ArrayList<>();
        Map<String, Object> pod = PodSpecs.podSpec(resource);
        if (pod != null) {
            for (Map<String, Object> container : PodSpecs.containers(pod)) {
                String where = "container " + container.get("name");
                for (Object env : Tree.list(container.get("env"))) {
                    keyRef(references, "ConfigMap", Tree.at(env, "valueFrom", "configMapKeyRef"), where + " env " + Tree.string(env, "name"));
                    keyRef(references, "Secret", Tree.at(env, "valueFrom", "secretKeyRef"), where + " env " + Tree.string(env, "name"));
                }
                for (Object envFrom : Tree.list(container.get("envFrom"))) {
                    objectRef(references, "ConfigMap", Tree.at(envFrom, "configMapRef"), "name", where + " envFrom");
                    objectRef(references, "Secret", Tree.at(envFrom, "secretRef"), "name", where + " envFrom");
                }
            }
            for (Object volume : Tree.list(pod.get("volumes"))) {
                String where = "volume " + Tree.string(volume, "name");
                volumeRef(references, "ConfigMap", Tree.at(volume, "configMap"), "name", where);
                volumeRef(references, "Secret", Tree.at(volume, "secret"), "secretName", where);
            }
            for (Object pull : Tree.list(pod.get("imagePullSecrets"))) {
                objectRef(references, "Secret", pull, "name", "imagePullSecrets");
            }
        }
        String kind = Tree.string(resource, "kind");
        if ("Ingress".equals(kind)) {
            for (Object tls : Tree.list(Tree.at(resource, "spec", "tls"))) {
                objectRef(references, "Secret", tls, "secretName", "tls");
            }
        } else if ("Keycloak".equals(kind)) {
            keyRef(references, "Secret", Tree.at(resource, "spec", "db", "usernameSecret"), "spec.db.usernameSecret");
            keyRef(references, "Secret", Tree.at(resource, "spec", "db", "passwordSecret"), "spec.db.passwordSecret");
            objectRef(references, "Secret", Tree.at(resource, "spec", "http"), "tlsSecret", "spec.http.tlsSecret");
        } else if ("KeycloakRealmImport".equals(kind)) {
            Map<String, Object> placeholders = Tree.map(Tree.at(resource, "spec", "placeholders"));
            Set<String> declared = placeholders == null ? Set.of() : placeholders.keySet();
            if (placeholders != null) {
                placeholders.forEach((placeholder, source) ->
                        keyRef(references, "Secret", Tree.at(source, "secret"), "spec.placeholders." + placeholder));
            }
            Matcher used = PLACEHOLDER.matcher(String.valueOf(Tree.at(resource, "spec", "realm")));
            while (used.find()) {
                if (!declared.contains(used.group(1))) {
                    findings.add(new Finding(name(), overlay, Manifests.id(resource),
                            "spec.realm uses ${" + used.group(1) + "} but spec.placeholders does not define it"));
                }
            }
        } else if ("ObjectStore".equals(kind)) {
            Map<String, Object> credentials = Tree.map(Tree.at(resource, "spec", "configuration", "s3Credentials"));
            if (credentials != null) {
                credentials.forEach((field, ref) -> keyRef(references, "Secret", ref, "s3Credentials." + field));
            }
        } else if ("Cluster".equals(kind)) {
            objectRef(references, "Secret", Tree.at(resource, "spec", "bootstrap", "initdb", "secret"), "name",
                    "spec.bootstrap.initdb.secret");
            Map<String, Object> credentials = Tree.map(
                    Tree.at(resource, "spec", "backup", "barmanObjectStore", "s3Credentials"));
            if (credentials != null) {
                credentials.forEach((field, ref) -> keyRef(references, "Secret", ref, "backup s3Credentials." + field));
            }
        }
        return references;
    }

    private static void keyRef(List<Reference> references, String kind, Object ref, String from) {
        if (ref != null) {
            references.add(new Reference(kind, Tree.string(ref, "name"), Tree.string(ref, "key"),
                    Boolean.TRUE.equals(Tree.at(ref, "optional")), from));
        }
    }

    private static void objectRef(List<Reference> references, String kind, Object ref, String nameField, String from) {
        if (ref != null && Tree.string(ref, nameField) != null) {
            references.add(new Reference(kind, Tree.string(ref, nameField), null,
                    Boolean.TRUE.equals(Tree.at(ref, "optional")), from));
        }
    }

    private static void volumeRef(List<Reference> references, String kind, Object volume, String nameField, String from) {
        if (volume == null) {
            return;
        }
        boolean optional = Boolean.TRUE.equals(Tree.at(volume, "optional"));
        String name = Tree.string(volume, nameField);
        List<Object> items = Tree.list(Tree.at(volume, "items"));
        if (items.isEmpty()) {
            references.add(new Reference(kind, name, null, optional, from));
        }
        for (Object item : items) {
            references.add(new Reference(kind, name, Tree.string(item, "key"), optional, from));
        }
    }
}
