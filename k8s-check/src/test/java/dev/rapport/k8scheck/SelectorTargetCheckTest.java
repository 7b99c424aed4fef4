package dev.rapport.k8scheck;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class SelectorTargetCheckTest {

    private final SelectorTargetCheck check = new SelectorTargetCheck();

    @Test
    void realOverlayIsClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
    }

    @Test
    void serviceSelectingNoPod() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Service", "consent-service"), "spec").put("selector",
                Map.of("app.kubernetes.io/name", "consent"));
        Expect.caught(check, fixture.manifests(), "Service/consent-service", "selects no pod");
    }

    @Test
    void serviceSelectingPodsOfAnotherNamespace() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Service", "gateway"), "metadata").put("namespace", "elsewhere");
        Expect.caught(check, fixture.manifests(), "Service/gateway", "selects no pod");
    }

    @Test
    void targetPortThePodsDoNotDeclare() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> port = Tree.map(Tree.list(Tree.at(fixture.get("Service", "contacts-service"), "spec", "ports")).get(0));
        port.put("targetPort", 8080);
        Expect.caught(check, fixture.manifests(), "Service/contacts-service", "targetPort 8080 is not a port");
    }

    @Test
    void disruptionBudgetAutoscalerAndIngressTargets() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("PodDisruptionBudget", "gateway"), "spec", "selector", "matchLabels")
                .put("app.kubernetes.io/name", "gw");
        Tree.mapAt(fixture.get("HorizontalPodAutoscaler", "feedback-service"), "spec", "scaleTargetRef").put("name", "feedback");
        Map<String, Object> path = Tree.map(Tree.list(Tree.at(Tree.list(Tree.at(fixture.get("Ingress", "gateway"),
                "spec", "rules")).get(0), "http", "paths")).get(0));
        Tree.mapAt(path, "backend", "service").put("name", "graphql");
        Expect.caught(check, fixture.manifests(), "PodDisruptionBudget/gateway", "selects no pod");
        Expect.caught(check, fixture.manifests(), "HorizontalPodAutoscaler/feedback-service", "which does not exist");
        Expect.caught(check, fixture.manifests(), "Ingress/gateway", "routes to Service graphql");
    }
}
