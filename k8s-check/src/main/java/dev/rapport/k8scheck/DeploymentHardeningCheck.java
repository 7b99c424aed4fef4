package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every Deployment's containers: the three Quarkus health probes on a declared port, CPU and memory requests and
 * limits, and a "restricted" security context (non-root, no privilege escalation, read-only root filesystem with
 * an emptyDir at /tmp, all capabilities dropped, the runtime's seccomp profile).
 */
public final class DeploymentHardeningCheck implements ManifestCheck {

    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    @Override
    public String name() {
        return "deployment-hardening";
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String id = "Deployment/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<String> problems = new ArrayList<>();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            for (Container container : pod.getContainers()) {
                String where = "container " + container.getName() + ": ";
                probes(container).forEach(p -> problems.add(where + p));
                resources(container.getResources()).forEach(p -> problems.add(where + p));
                security(podSecurity, container.getSecurityContext(), pod, container)
                        .forEach(p -> problems.add(where + p));
            }
            problems.forEach(p -> findings.add(new Finding(name(), manifests.name(), id, p)));
        }
        return findings;
    }

    private static List<String> probes(Container container) {
        List<String> problems = new ArrayList<>();
        Map<String, Probe> probes = Map.of(
                "startupProbe", nullSafe(container.getStartupProbe()),
                "livenessProbe", nullSafe(container.getLivenessProbe()),
                "readinessProbe", nullSafe(container.getReadinessProbe()));
        for (Map.Entry<String, String> expected : PROBE_PATHS.entrySet()) {
            Probe probe = probes.get(expected.getKey());
            if (probe == EMPTY || probe.getHttpGet() == null) {
                problems.add("no " + expected.getKey() + " (HTTP GET " + expected.getValue() + ")");
                continue;
            }
            if (!expected.getValue().equals(probe.getHttpGet().getPath())) {
                problems.add(expected.getKey() + " checks " + probe.getHttpGet().getPath() + ", not "
                        + expected.getValue());
            }
            if (!portDeclared(container, probe)) {
                problems.add(expected.getKey() + " targets port " + probe.getHttpGet().getPort().getValue()
                        + ", which the container does not declare");
            }
        }
        return problems;
    }

    private static final Probe EMPTY = new Probe();

    private static Probe nullSafe(Probe probe) {
        return probe == null ? EMPTY : probe;
    }

    private static boolean portDeclared(Container container, Probe probe) {
        Object port = probe.getHttpGet().getPort() == null ? null : probe.getHttpGet().getPort().getValue();
        for (ContainerPort declared : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
            if (Objects.equals(port, declared.getName()) || Objects.equals(port, declared.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> resources(ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                problems.add("no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                problems.add("no " + resource + " limit");
            }
        }
        if (problems.isEmpty()) {
            for (String resource : List.of("cpu", "memory")) {
                if (Quantity.getAmountInBytes(requests.get(resource))
                        .compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                    problems.add(resource + " request exceeds its limit");
                }
            }
        }
        return problems;
    }

    private static List<String> security(PodSecurityContext pod, SecurityContext container, PodSpec spec,
            Container c) {
        List<String> problems = new ArrayList<>();
        Boolean nonRoot = container != null && container.getRunAsNonRoot() != null ? container.getRunAsNonRoot()
                : pod == null ? null : pod.getRunAsNonRoot();
        Long user = container != null && container.getRunAsUser() != null ? container.getRunAsUser()
                : pod == null ? null : pod.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add("runAsNonRoot is not true");
        }
        if (user != null && user == 0L) {
            problems.add("runs as user 0 (root)");
        }
        if (container == null) {
            problems.add("no securityContext");
            return problems;
        }
        if (!Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
            problems.add("allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(container.getPrivileged())) {
            problems.add("is privileged");
        }
        if (!Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
            problems.add("readOnlyRootFilesystem is not true");
        } else if (!tmpIsEmptyDir(spec, c)) {
            problems.add("read-only root filesystem without an emptyDir mounted at /tmp (Quarkus and Vert.x write there)");
        }
        var capabilities = container.getCapabilities();
        if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            problems.add("capabilities do not drop ALL");
        }
        if (capabilities != null && capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
            problems.add("adds capabilities " + capabilities.getAdd());
        }
        String seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile().getType()
                : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problems.add("seccompProfile is not RuntimeDefault");
        }
        return problems;
    }

    private static boolean tmpIsEmptyDir(PodSpec spec, Container container) {
        if (container.getVolumeMounts() == null) {
            return false;
        }
        return container.getVolumeMounts().stream()
                .filter(mount -> "/tmp".equals(mount.getMountPath()))
                .anyMatch(mount -> spec.getVolumes() != null && spec.getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.getName()))
                        .map(Volume::getEmptyDir).anyMatch(Objects::nonNull));
    }
}
