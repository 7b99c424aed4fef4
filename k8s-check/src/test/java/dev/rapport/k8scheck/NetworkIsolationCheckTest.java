package dev.rapport.k8scheck;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class NetworkIsolationCheckTest {

    private final NetworkIsolationCheck check = new NetworkIsolationCheck();

    @Test
    void realOverlaysAreClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
        Expect.clean(check, Repo.devFixture().manifests());
    }

    @Test
    void databaseOpenedToTheGateway() {
        Repo.Fixture fixture = Repo.prodFixture();
        // The gateway may now talk to anything, and contacts-db accepts any pod of the namespace.
        Map<String, Object> gateway = fixture.get("NetworkPolicy", "gateway");
        Tree.mapAt(gateway, "spec").put("policyTypes", List.of("Ingress"));
        Tree.mapAt(gateway, "spec").remove("egress");
        fixture.add("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: contacts-db-open, namespace: rapport}
                spec:
                  podSelector: {matchLabels: {cnpg.io/cluster: contacts-db}}
                  ingress:
                    - from: [{podSelector: {}}]
                """);
        Expect.caught(check, fixture.manifests(), "Cluster/contacts-db",
                "database is reachable from Deployment/gateway, the public entry");
    }

    @Test
    void noPoliciesAtAll() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.resources.removeIf(r -> "NetworkPolicy".equals(r.get("kind")));
        Expect.caught(check, fixture.manifests(), "Cluster/consent-db",
                "database is reachable from Deployment/gateway, the public entry");
        Expect.caught(check, fixture.manifests(), "Cluster/consent-db",
                "reachable from Deployment/contacts-service, whose configuration does not call it");
    }

    @Test
    void ipBlockCountsAsReachable() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> gateway = fixture.get("NetworkPolicy", "gateway");
        Tree.list(Tree.at(gateway, "spec", "egress")).add(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8")))));
        Map<String, Object> db = fixture.get("NetworkPolicy", "feedback-db");
        Tree.list(Tree.at(db, "spec", "ingress")).add(Map.of("from", List.of(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8")))));
        Expect.caught(check, fixture.manifests(), "Cluster/feedback-db", "the public entry");
    }

    @Test
    void anotherServicesDatabase() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.remove("NetworkPolicy", "consent-service");
        Map<String, Object> db = fixture.get("NetworkPolicy", "contacts-db");
        Map<String, Object> rule = Tree.map(Tree.list(Tree.at(db, "spec", "ingress")).get(0));
        Tree.list(rule.get("from")).add(Map.of("podSelector", Map.of("matchLabels",
                Map.of("app.kubernetes.io/name", "consent-service"))));
        Expect.caught(check, fixture.manifests(), "Cluster/contacts-db",
                "reachable from Deployment/consent-service, whose configuration does not call it");
    }

    @Test
    void serviceToServiceOutsideTheDesign() {
        Repo.Fixture fixture = Repo.prodFixture();
        // contacts-service must never call feedback-service; open both directions and the check objects.
        fixture.remove("NetworkPolicy", "contacts-service");
        Map<String, Object> feedback = fixture.get("NetworkPolicy", "feedback-service");
        Map<String, Object> rule = Tree.map(Tree.list(Tree.at(feedback, "spec", "ingress")).get(0));
        Tree.list(rule.get("from")).add(Map.of("podSelector", Map.of("matchLabels",
                Map.of("app.kubernetes.io/name", "contacts-service"))));
        Expect.caught(check, fixture.manifests(), "Deployment/feedback-service",
                "reachable from Deployment/contacts-service, whose configuration does not call it");
    }

    @Test
    void configuredCallThatPoliciesBlock() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> consent = fixture.get("NetworkPolicy", "consent-service");
        Map<String, Object> rule = Tree.map(Tree.list(Tree.at(consent, "spec", "ingress")).get(0));
        Tree.list(rule.get("from")).removeIf(peer -> "feedback-service".equals(
                Tree.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")));
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service",
                "Deployment/feedback-service is configured to call it but NetworkPolicies block the connection");
    }

    @Test
    void udpRuleDoesNotOpenTcp() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> db = fixture.get("NetworkPolicy", "contacts-db");
        Map<String, Object> port = Tree.map(Tree.list(Tree.at(Tree.list(Tree.at(db, "spec", "ingress")).get(0), "ports")).get(0));
        port.put("protocol", "UDP");
        Expect.caught(check, fixture.manifests(), "Cluster/contacts-db",
                "Deployment/contacts-service is configured to call it but NetworkPolicies block the connection");
    }

    @Test
    void egressPolicyBlockingAConfiguredCall() {
        Repo.Fixture fixture = Repo.prodFixture();
        // contacts-service's outbox calls consent-service; drop that egress rule and the check objects.
        Map<String, Object> contacts = fixture.get("NetworkPolicy", "contacts-service");
        Tree.list(Tree.at(contacts, "spec", "egress")).removeIf(rule -> "consent-service".equals(Tree.string(
                Tree.list(Tree.at(rule, "to")).get(0), "podSelector", "matchLabels", "app.kubernetes.io/name")));
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service",
                "Deployment/contacts-service is configured to call it but NetworkPolicies block the connection");
    }
}
