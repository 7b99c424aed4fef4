package dev.rapport.k8scheck.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the pod templates and containers inside workload resources. */
public final class PodSpecs {

    private PodSpecs() {
    }

    /** The pod spec of a workload (Deployment, StatefulSet, DaemonSet, Job, ReplicaSet, CronJob or Pod), or null. */
    public static Map<String, Object> podSpec(Map<String, Object> body) {
        String kind = Tree.string(body, "kind");
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "Pod" -> Tree.map(Tree.at(body, "spec"));
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                    Tree.map(Tree.at(body, "spec", "template", "spec"));
            case "CronJob" -> Tree.map(Tree.at(body, "spec", "jobTemplate", "spec", "template", "spec"));
            default -> null;
        };
    }

    /** Containers and init containers of a pod spec. */
    public static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        if (podSpec != null) {
            for (String field : List.of("initContainers", "containers")) {
                Tree.list(podSpec.get(field)).forEach(c -> containers.add(Tree.map(c)));
            }
        }
        return containers;
    }

    static void renameConfigMap(Map<String, Object> body, String from, String to) {
        Map<String, Object> podSpec = podSpec(body);
        if (podSpec == null) {
            return;
        }
        for (Map<String, Object> container : containers(podSpec)) {
            for (Object envFrom : Tree.list(container.get("envFrom"))) {
                rename(Tree.map(Tree.at(envFrom, "configMapRef")), from, to);
            }
            for (Object env : Tree.list(container.get("env"))) {
                rename(Tree.map(Tree.at(env, "valueFrom", "configMapKeyRef")), from, to);
            }
        }
        for (Object volume : Tree.list(podSpec.get("volumes"))) {
            rename(Tree.map(Tree.at(volume, "configMap")), from, to);
            for (Object source : Tree.list(Tree.at(volume, "projected", "sources"))) {
                rename(Tree.map(Tree.at(source, "configMap")), from, to);
            }
        }
    }

    private static void rename(Map<String, Object> reference, String from, String to) {
        if (reference != null && from.equals(reference.get("name"))) {
            reference.put("name", to);
        }
    }
}
