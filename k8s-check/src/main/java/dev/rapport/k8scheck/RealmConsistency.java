package dev.rapport.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.rapport.k8scheck.render.Tree;

/**
 * The realm the KeycloakRealmImport creates must be the realm local runs use: same realm name, same realm roles,
 * same clients with the same kind (public or confidential, service accounts or not, which flows). Secrets,
 * redirect URIs and users differ between a laptop and a cluster and are not compared.
 */
public final class RealmConsistency {

    private static final List<String> CLIENT_FLAGS = List.of(
            "publicClient", "serviceAccountsEnabled", "standardFlowEnabled", "directAccessGrantsEnabled", "bearerOnly");

    private RealmConsistency() {
    }

    public static List<String> differences(Map<String, Object> cluster, Map<String, Object> local) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(Tree.string(cluster, "realm"), Tree.string(local, "realm"))) {
            differences.add("realm name " + Tree.string(cluster, "realm") + " vs " + Tree.string(local, "realm"));
        }
        Set<String> clusterRoles = roles(cluster);
        Set<String> localRoles = roles(local);
        if (!clusterRoles.equals(localRoles)) {
            differences.add("realm roles " + clusterRoles + " in k8s vs " + localRoles + " locally");
        }
        Map<String, Map<String, Object>> clusterClients = clients(cluster);
        Map<String, Map<String, Object>> localClients = clients(local);
        if (!clusterClients.keySet().equals(localClients.keySet())) {
            differences.add("clients " + clusterClients.keySet() + " in k8s vs " + localClients.keySet() + " locally");
        }
        for (String clientId : clusterClients.keySet()) {
            Map<String, Object> localClient = localClients.get(clientId);
            if (localClient == null) {
                continue;
            }
            for (String flag : CLIENT_FLAGS) {
                Object inCluster = clusterClients.get(clientId).get(flag);
                Object locally = localClient.get(flag);
                if (!Objects.equals(Boolean.TRUE.equals(inCluster), Boolean.TRUE.equals(locally))) {
                    differences.add("client " + clientId + " " + flag + " is " + inCluster + " in k8s, " + locally
                            + " locally");
                }
            }
        }
        return differences;
    }

    private static Set<String> roles(Map<String, Object> realm) {
        Set<String> roles = new TreeSet<>();
        Tree.list(Tree.at(realm, "roles", "realm")).forEach(r -> roles.add(Tree.string(r, "name")));
        // Keycloak adds these to every realm; a local export may list them, an import need not.
        roles.removeIf(r -> r.equals("offline_access") || r.equals("uma_authorization") || r.startsWith("default-roles-"));
        return roles;
    }

    private static Map<String, Map<String, Object>> clients(Map<String, Object> realm) {
        Map<String, Map<String, Object>> clients = new TreeMap<>();
        for (Object client : Tree.list(realm.get("clients"))) {
            clients.put(Tree.string(client, "clientId"), Tree.map(client));
        }
        // Keycloak's own clients, present in an export of any realm.
        clients.keySet().removeAll(Set.of("account", "account-console", "admin-cli", "broker", "realm-management",
                "security-admin-console"));
        return clients;
    }
}
