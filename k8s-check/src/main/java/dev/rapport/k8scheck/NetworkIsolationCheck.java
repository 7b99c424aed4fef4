package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.rapport.k8scheck.render.PodSpecs;
import dev.rapport.k8scheck.render.Tree;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * NetworkPolicies let a workload reach exactly the workloads its configuration calls: a service its own database,
 * Keycloak, and (contacts-service, feedback-service) consent-service; the gateway the three services and Keycloak;
 * Keycloak its database. In particular no database is reachable from the gateway, the public entry.
 *
 * <p>"Calls" is read from the configuration: a host {@code <cluster>-rw|ro|r} names a CloudNativePG database, a
 * host {@code <keycloak>-service} Keycloak, a host that is a Service's name the Deployment behind it. Reachability
 * follows Kubernetes semantics: a connection needs the destination's ingress and the source's egress policies to
 * allow it (no policy of a direction selecting the pod allows everything); an {@code ipBlock} peer is taken to
 * match any pod, to stay on the safe side.
 */
public final class NetworkIsolationCheck implements ManifestCheck {

    /** A set of pods the check reasons about, and the port it serves on. */
    record Workload(String id, String namespace, Map<String, String> labels, int port, String portName,
            boolean database, String config) {
    }

    @Override
    public String name() {
        return "network-isolation";
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Workload> workloads = workloads(manifests);
        List<NetworkPolicy> policies = manifests.networkPolicies();
        Map<String, Map<String, String>> namespaceLabels = namespaceLabels(manifests);
        List<String> publicEntries = publicEntries(manifests);
        List<Finding> findings = new ArrayList<>();
        for (Workload source : workloads) {
            if (source.database) {
                continue;
            }
            for (Workload target : workloads) {
                if (source == target) {
                    continue;
                }
                boolean calls = calls(source, target, manifests);
                boolean reachable = allowed(policies, namespaceLabels, source, target, true)
                        && allowed(policies, namespaceLabels, source, target, false);
                if (reachable && target.database && publicEntries.contains(source.id)) {
                    findings.add(finding(manifests, target, "database is reachable from " + source.id
                            + ", the public entry"));
                } else if (reachable && !calls) {
                    findings.add(finding(manifests, target, "reachable from " + source.id
                            + ", whose configuration does not call it"));
                } else if (!reachable && calls) {
                    findings.add(finding(manifests, target, source.id
                            + " is configured to call it but NetworkPolicies block the connection"));
                }
            }
        }
        return findings;
    }

    private Finding finding(Manifests manifests, Workload target, String problem) {
        return new Finding(name(), manifests.name(), target.id, problem);
    }

    private static List<Workload> workloads(Manifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new HashMap<>();
        manifests.ofKind("ConfigMap").forEach(c -> configMaps.put(Tree.string(c, "metadata", "name"), c));
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            Map<String, String> labels = new HashMap<>();
            Map<String, Object> templateLabels = Tree.map(Tree.at(deployment, "spec", "template", "metadata", "labels"));
            if (templateLabels != null) {
                templateLabels.forEach((k, v) -> labels.put(k, String.valueOf(v)));
            }
            List<Map<String, Object>> containers = PodSpecs.containers(PodSpecs.podSpec(deployment));
            Object firstPort = containers.stream().flatMap(c -> Tree.list(c.get("ports")).stream()).findFirst().orElse(null);
            int port = firstPort == null ? -1 : ((Number) Tree.at(firstPort, "containerPort")).intValue();
            workloads.add(new Workload(Manifests.id(deployment), namespace(deployment), labels, port,
                    Tree.string(firstPort, "name"), false, configText(containers, configMaps)));
        }
        for (Map<String, Object> cluster : manifests.ofKind("Cluster")) {
            String name = Tree.string(cluster, "metadata", "name");
            workloads.add(new Workload(Manifests.id(cluster), namespace(cluster),
                    Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), 5432, "postgresql", true, ""));
        }
        for (Map<String, Object> keycloak : manifests.ofKind("Keycloak")) {
            String name = Tree.string(keycloak, "metadata", "name");
            workloads.add(new Workload(Manifests.id(keycloak), namespace(keycloak),
                    Map.of("app", "keycloak", "app.kubernetes.io/instance", name,
                            "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server"),
                    8080, "http", false, "//" + Tree.string(keycloak, "spec", "db", "host") + ":"));
        }
        return workloads;
    }

    /** Every value a workload's containers get from the manifests: the text its hosts are read from. */
    private static String configText(List<Map<String, Object>> containers, Map<String, Map<String, Object>> configMaps) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> container : containers) {
            for (Object env : Tree.list(container.get("env"))) {
                text.append(Tree.string(env, "value")).append('\n');
                Object ref = Tree.at(env, "valueFrom", "configMapKeyRef");
                if (ref != null && configMaps.containsKey(Tree.string(ref, "name"))) {
                    text.append(Tree.string(configMaps.get(Tree.string(ref, "name")), "data", Tree.string(ref, "key")))
                            .append('\n');
                }
            }
            for (Object envFrom : Tree.list(container.get("envFrom"))) {
                Map<String, Object> configMap = configMaps.get(Tree.string(envFrom, "configMapRef", "name"));
                Map<String, Object> data = configMap == null ? null : Tree.map(configMap.get("data"));
                if (data != null) {
                    data.values().forEach(v -> text.append(v).append('\n'));
                }
            }
        }
        return text.toString();
    }

    private static boolean calls(Workload source, Workload target, Manifests manifests) {
        String kind = target.id.substring(0, target.id.indexOf('/'));
        String name = target.id.substring(target.id.indexOf('/') + 1);
        List<String> hosts = new ArrayList<>();
        switch (kind) {
            case "Cluster" -> hosts.addAll(List.of(name + "-rw", name + "-ro", name + "-r"));
            case "Keycloak" -> hosts.add(name + "-service");
            default -> manifests.services().stream()
                    .filter(s -> Objects.equals(s.getMetadata().getNamespace(), target.namespace))
                    .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                            && Selectors.matches(s.getSpec().getSelector(), target.labels))
                    .forEach(s -> hosts.add(s.getMetadata().getName()));
        }
        return hosts.stream().anyMatch(host ->
                Pattern.compile("//" + Pattern.quote(host) + "[:./]").matcher(source.config).find());
    }

    /** Whether the policies of one direction (ingress at the target, or egress at the source) allow the connection. */
    private static boolean allowed(List<NetworkPolicy> policies, Map<String, Map<String, String>> namespaceLabels,
            Workload source, Workload target, boolean ingress) {
        Workload subject = ingress ? target : source;
        Workload peer = ingress ? source : target;
        boolean selected = false;
        for (NetworkPolicy policy : policies) {
            if (!Objects.equals(policy.getMetadata().getNamespace(), subject.namespace)
                    || !Selectors.matches(policy.getSpec().getPodSelector(), subject.labels)
                    || !types(policy).contains(ingress ? "Ingress" : "Egress")) {
                continue;
            }
            selected = true;
            if (ingress) {
                for (var rule : nullToEmpty(policy.getSpec().getIngress())) {
                    if (peersMatch(rule.getFrom(), policy, peer, namespaceLabels) && portsMatch(rule.getPorts(), target)) {
                        return true;
                    }
                }
            } else {
                for (var rule : nullToEmpty(policy.getSpec().getEgress())) {
                    if (peersMatch(rule.getTo(), policy, peer, namespaceLabels) && portsMatch(rule.getPorts(), target)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        return policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Workload peer,
            Map<String, Map<String, String>> namespaceLabels) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer candidate : peers) {
            if (candidate.getIpBlock() != null) {
                return true;
            }
            LabelSelector namespaces = candidate.getNamespaceSelector();
            LabelSelector pods = candidate.getPodSelector();
            boolean namespaceOk = namespaces == null
                    ? Objects.equals(peer.namespace, policy.getMetadata().getNamespace())
                    : Selectors.matches(namespaces, namespaceLabels.getOrDefault(peer.namespace,
                            Map.of("kubernetes.io/metadata.name", String.valueOf(peer.namespace))));
            boolean podOk = pods == null || Selectors.matches(pods, peer.labels);
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Workload target) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort port : ports) {
            if (port.getProtocol() != null && !"TCP".equals(port.getProtocol())) {
                continue;
            }
            IntOrString value = port.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = port.getEndPort() == null ? value.getIntVal() : port.getEndPort();
                if (target.port >= value.getIntVal() && target.port <= end) {
                    return true;
                }
            } else if (value.getStrVal().equals(target.portName)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Map<String, String>> namespaceLabels(Manifests manifests) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (Map<String, Object> namespace : manifests.ofKind("Namespace")) {
            String name = Tree.string(namespace, "metadata", "name");
            Map<String, String> own = new HashMap<>();
            Map<String, Object> declared = Tree.map(Tree.at(namespace, "metadata", "labels"));
            if (declared != null) {
                declared.forEach((k, v) -> own.put(k, String.valueOf(v)));
            }
            own.put("kubernetes.io/metadata.name", name);
            labels.put(name, own);
        }
        return labels;
    }

    /** Deployments behind the Services that an Ingress routes to. */
    private static List<String> publicEntries(Manifests manifests) {
        List<String> entries = new ArrayList<>();
        for (var ingress : manifests.ingresses()) {
            for (var rule : ingress.getSpec().getRules()) {
                for (var path : rule.getHttp().getPaths()) {
                    String serviceName = path.getBackend().getService().getName();
                    manifests.services().stream().filter(s -> s.getMetadata().getName().equals(serviceName))
                            .forEach(service -> {
                                for (Deployment deployment : manifests.deployments()) {
                                    if (service.getSpec().getSelector() != null
                                            && Selectors.matches(service.getSpec().getSelector(),
                                                    SelectorTargetCheck.labels(deployment))) {
                                        entries.add("Deployment/" + deployment.getMetadata().getName());
                                    }
                                }
                            });
                }
            }
        }
        return entries;
    }

    private static String namespace(Map<String, Object> resource) {
        return Tree.string(resource, "metadata", "namespace");
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
