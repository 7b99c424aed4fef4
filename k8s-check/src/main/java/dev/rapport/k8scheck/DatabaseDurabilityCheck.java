package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rapport.k8scheck.render.Tree;

/**
 * In a production overlay every CloudNativePG database has at least three instances, archives its WAL (the Barman
 * Cloud plugin as WAL archiver, or the in-tree {@code spec.backup}) and has a ScheduledBackup.
 */
public final class DatabaseDurabilityCheck implements ManifestCheck {

    @Override
    public String name() {
        return "database-durability";
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> cluster : manifests.ofKind("Cluster")) {
            String name = Tree.string(cluster, "metadata", "name");
            Object instances = Tree.at(cluster, "spec", "instances");
            if (!(instances instanceof Number n) || n.intValue() < 3) {
                findings.add(finding(manifests, cluster, "has " + instances + " instance(s); production needs 3"));
            }
            boolean archives = Tree.at(cluster, "spec", "backup") != null || Tree.list(Tree.at(cluster, "spec", "plugins"))
                    .stream().anyMatch(p -> Boolean.TRUE.equals(Tree.at(p, "isWALArchiver")));
            if (!archives) {
                findings.add(finding(manifests, cluster, "archives no WAL (no backup section, no WAL-archiver plugin)"));
            }
            boolean scheduled = manifests.ofKind("ScheduledBackup").stream()
                    .anyMatch(b -> name.equals(Tree.string(b, "spec", "cluster", "name")));
            if (!scheduled) {
                findings.add(finding(manifests, cluster, "has no ScheduledBackup"));
            }
        }
        return findings;
    }

    private Finding finding(Manifests manifests, Map<String, Object> cluster, String problem) {
        return new Finding(name(), manifests.name(), Manifests.id(cluster), problem);
    }
}
