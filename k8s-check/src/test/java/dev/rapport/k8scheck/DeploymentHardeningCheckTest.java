package dev.rapport.k8scheck;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class DeploymentHardeningCheckTest {

    private final DeploymentHardeningCheck check = new DeploymentHardeningCheck();

    @Test
    void realOverlayIsClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
    }

    @Test
    void missingProbe() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.container("consent-service").remove("readinessProbe");
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service", "no readinessProbe");
    }

    @Test
    void probeOnWrongPathOrUndeclaredPort() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.container("gateway"), "livenessProbe", "httpGet").put("path", "/q/health");
        Tree.mapAt(fixture.container("gateway"), "startupProbe", "httpGet").put("port", "management");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "livenessProbe checks /q/health, not /q/health/live");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "startupProbe targets port management");
    }

    @Test
    void missingLimits() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.container("contacts-service"), "resources", "limits").remove("memory");
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service", "no memory limit");
    }

    @Test
    void requestAboveLimit() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.container("contacts-service"), "resources", "requests").put("memory", "4Gi");
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service", "memory request exceeds its limit");
    }

    @Test
    void rootUser() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.podSpec("feedback-service").remove("securityContext");
        Tree.mapAt(fixture.container("feedback-service"), "securityContext").remove("runAsNonRoot");
        Expect.caught(check, fixture.manifests(), "Deployment/feedback-service", "runAsNonRoot is not true");

        Repo.Fixture uid0 = Repo.prodFixture();
        Tree.mapAt(uid0.container("feedback-service"), "securityContext").put("runAsUser", 0);
        Expect.caught(check, uid0.manifests(), "Deployment/feedback-service", "runs as user 0");
    }

    @Test
    void writableRootCapabilitiesAndEscalation() {
        Repo.Fixture fixture = Repo.prodFixture();
        Map<String, Object> security = Tree.mapAt(fixture.container("gateway"), "securityContext");
        security.put("readOnlyRootFilesystem", false);
        security.put("allowPrivilegeEscalation", true);
        security.put("capabilities", Map.of("add", List.of("NET_ADMIN")));
        security.put("privileged", true);
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "readOnlyRootFilesystem is not true");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "allowPrivilegeEscalation is not false");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "capabilities do not drop ALL");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "adds capabilities [NET_ADMIN]");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "is privileged");
    }

    @Test
    void readOnlyRootWithoutTmp() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.container("contacts-service").remove("volumeMounts");
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service", "without an emptyDir mounted at /tmp");
    }

    @Test
    void noSeccomp() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.podSpec("consent-service"), "securityContext").remove("seccompProfile");
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service", "seccompProfile is not RuntimeDefault");
    }

    @Test
    void noContainerSecurityContext() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.container("contacts-service").remove("securityContext");
        Expect.caught(check, fixture.manifests(), "Deployment/contacts-service", "no securityContext");
    }
}
