package dev.rapport.k8scheck;

import org.junit.jupiter.api.Test;

import dev.rapport.k8scheck.render.Tree;

class DatabaseDurabilityCheckTest {

    private final DatabaseDurabilityCheck check = new DatabaseDurabilityCheck();

    @Test
    void prodIsClean() {
        Expect.clean(check, Repo.prodFixture().manifests());
    }

    @Test
    void devWouldNotPassAsProduction() {
        Expect.caught(check, Repo.devFixture().manifests(), "Cluster/consent-db", "has 1 instance(s)");
        Expect.caught(check, Repo.devFixture().manifests(), "Cluster/consent-db", "archives no WAL");
    }

    @Test
    void singleInstance() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Cluster", "contacts-db"), "spec").put("instances", 2);
        Expect.caught(check, fixture.manifests(), "Cluster/contacts-db", "has 2 instance(s); production needs 3");
    }

    @Test
    void noWalArchiving() {
        Repo.Fixture fixture = Repo.prodFixture();
        Tree.mapAt(fixture.get("Cluster", "feedback-db"), "spec").remove("plugins");
        Expect.caught(check, fixture.manifests(), "Cluster/feedback-db", "archives no WAL");
    }

    @Test
    void noScheduledBackup() {
        Repo.Fixture fixture = Repo.prodFixture();
        fixture.remove("ScheduledBackup", "keycloak-db-daily");
        Expect.caught(check, fixture.manifests(), "Cluster/keycloak-db", "has no ScheduledBackup");
    }
}
