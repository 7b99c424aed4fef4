package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class ImagePinningCheckTest {

    private final ImagePinningCheck check = new ImagePinningCheck();

    @Test
    void realOverlayIsClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
    }

    @Test
    void latestTagInAContainer() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.container("gateway").put("image", "registry.example.com/rapport/gateway:latest");
        Expect.caught(check, fixture.manifests(), "Deployment/gateway", "tag latest is not a version");
    }

    @Test
    void untaggedImageInAContainer() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.container("consent-service").put("image", "registry.example.com:5000/rapport/consent-service");
        Expect.caught(check, fixture.manifests(), "Deployment/consent-service", "no tag");
    }

    @Test
    void operatorImagesAreCheckedToo() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Keycloak", "keycloak"), "spec").put("image", "quay.io/keycloak/keycloak:latest");
        Tree.mapAt(fixture.get("Cluster", "contacts-db"), "spec").put("imageName", "ghcr.io/cloudnative-pg/postgresql");
        Expect.caught(check, fixture.manifests(), "Keycloak/keycloak", "spec.image");
        Expect.caught(check, fixture.manifests(), "Cluster/contacts-db", "spec.imageName");
    }

    @Test
    void digestsAndVersionsPass() {
        assertNull(ImagePinningCheck.problem("registry.example.com:5000/rapport/gateway:0.1.0"));
        assertNull(ImagePinningCheck.problem("registry.example.com/rapport/gateway@sha256:0123abcd"));
        assertEquals("no tag (means latest)", ImagePinningCheck.problem("registry.example.com:5000/gateway"));
    }
}
