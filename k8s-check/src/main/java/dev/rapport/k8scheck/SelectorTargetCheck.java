package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rapport.k8scheck.render.Tree;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/**
 * Everything that points at pods finds them: each Service selects a Deployment's pods and its target ports are
 * ports those pods declare; each PodDisruptionBudget selects pods; each HorizontalPodAutoscaler scales an
 * existing Deployment; each Ingress backend is an existing Service port.
 */
public final class SelectorTargetCheck implements ManifestCheck {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public String name() {
        return "selectors-and-targets";
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        List<Deployment> deployments = manifests.deployments();
        for (Service service : manifests.services()) {
            String id = "Service/" + service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                findings.add(finding(manifests, id, "has no selector"));
                continue;
            }
            List<Deployment> selected = deployments.stream()
                    .filter(d -> Objects.equals(d.getMetadata().getNamespace(), service.getMetadata().getNamespace()))
                    .filter(d -> Selectors.matches(selector, labels(d)))
                    .toList();
            if (selected.isEmpty()) {
                findings.add(finding(manifests, id, "selector " + selector + " selects no pod"));
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Deployment deployment : selected) {
                    if (!declares(deployment, target)) {
                        findings.add(finding(manifests, id, "targetPort " + target.getValue() + " is not a port of "
                                + "Deployment/" + deployment.getMetadata().getName()));
                    }
                }
            }
        }
        for (Map<String, Object> pdb : manifests.ofKind("PodDisruptionBudget")) {
            LabelSelector selector = MAPPER.convertValue(Tree.at(pdb, "spec", "selector"), LabelSelector.class);
            boolean any = deployments.stream().anyMatch(d -> selector != null && Selectors.matches(selector, labels(d)));
            if (!any) {
                findings.add(finding(manifests, Manifests.id(pdb), "selects no pod"));
            }
        }
        for (Map<String, Object> hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String kind = Tree.string(hpa, "spec", "scaleTargetRef", "kind");
            String target = Tree.string(hpa, "spec", "scaleTargetRef", "name");
            if (manifests.find(kind == null ? "" : kind, target == null ? "" : target) == null) {
                findings.add(finding(manifests, Manifests.id(hpa), "scales " + kind + "/" + target + ", which does not exist"));
            }
        }
        for (Ingress ingress : manifests.ingresses()) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Service service = manifests.services().stream()
                            .filter(s -> s.getMetadata().getName().equals(backend.getName())).findFirst().orElse(null);
                    String id = "Ingress/" + ingress.getMetadata().getName();
                    if (service == null) {
                        findings.add(finding(manifests, id, path.getPath() + " routes to Service " + backend.getName()
                                + ", which does not exist"));
                    } else if (service.getSpec().getPorts().stream().noneMatch(p ->
                            Objects.equals(p.getName(), backend.getPort().getName())
                                    || Objects.equals(p.getPort(), backend.getPort().getNumber()))) {
                        findings.add(finding(manifests, id, path.getPath() + " routes to a port Service "
                                + backend.getName() + " does not have"));
                    }
                }
            }
        }
        return findings;
    }

    static Map<String, String> labels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean declares(Deployment deployment, IntOrString target) {
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
                if (Objects.equals(target.getStrVal(), port.getName())
                        || Objects.equals(target.getIntVal(), port.getContainerPort())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Finding finding(Manifests manifests, String id, String problem) {
        return new Finding(name(), manifests.name(), id, problem);
    }
}
