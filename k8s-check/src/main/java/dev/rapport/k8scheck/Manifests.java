package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.k8scheck.render.Tree;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * One rendered overlay: the resources as plain trees (for custom resources of the operators) and, for the
 * Kubernetes kinds the checks reason about, as fabric8 model objects.
 */
public final class Manifests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final List<Map<String, Object>> resources;

    public Manifests(String name, List<Map<String, Object>> resources) {
        this.name = name;
        this.resources = List.copyOf(resources);
    }

    public String name() {
        return name;
    }

    public List<Map<String, Object>> resources() {
        return resources;
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(Tree.string(r, "kind"))).toList();
    }

    public Map<String, Object> find(String kind, String resourceName) {
        return ofKind(kind).stream()
                .filter(r -> resourceName.equals(Tree.string(r, "metadata", "name")))
                .findFirst().orElse(null);
    }

    public List<Deployment> deployments() {
        return typed("Deployment", Deployment.class);
    }

    public List<Service> services() {
        return typed("Service", Service.class);
    }

    public List<ConfigMap> configMaps() {
        return typed("ConfigMap", ConfigMap.class);
    }

    public List<Secret> secrets() {
        return typed("Secret", Secret.class);
    }

    public List<NetworkPolicy> networkPolicies() {
        return typed("NetworkPolicy", NetworkPolicy.class);
    }

    public List<Ingress> ingresses() {
        return typed("Ingress", Ingress.class);
    }

    private <T> List<T> typed(String kind, Class<T> type) {
        List<T> typed = new ArrayList<>();
        for (Map<String, Object> resource : ofKind(kind)) {
            try {
                typed.add(MAPPER.convertValue(resource, type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + kind + "/" + Tree.string(resource, "metadata", "name")
                        + " does not fit the Kubernetes schema: " + e.getMessage(), e);
            }
        }
        return typed;
    }

    public static String id(Map<String, Object> resource) {
        return Tree.string(resource, "kind") + "/" + Tree.string(resource, "metadata", "name");
    }

    public static boolean sameNamespace(String a, String b) {
        return Objects.equals(a, b);
    }
}
