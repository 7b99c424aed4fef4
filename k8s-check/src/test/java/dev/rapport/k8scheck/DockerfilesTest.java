package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DockerfilesTest {

    private static final List<String> SERVICES = List.of("contacts-service", "consent-service", "feedback-service", "delivery", "gateway", "web");

    @Test
    void everyServiceModuleHasBothImagesPinnedAndNonRoot() throws IOException {
        List<String> problems = new ArrayList<>();
        int modules = 0;
        for (String service : SERVICES) {
            Path module = Repo.root().resolve(service);
            if (!Files.isRegularFile(module.resolve("src/main/resources/application.properties"))) {
                System.out.println(service + " has no module yet: no Dockerfiles checked");
                continue;
            }
            modules++;
            for (String name : List.of("Dockerfile.jvm", "Dockerfile.native-micro")) {
                Path file = module.resolve("src/main/docker").resolve(name);
                if (!Files.isRegularFile(file)) {
                    problems.add(service + ": no src/main/docker/" + name
                            + " (copy contacts-service's and change the port: every service ships a JVM and a native image)");
                    continue;
                }
                Dockerfiles.problems(Files.readString(file)).forEach(p -> problems.add(service + "/" + name + ": " + p));
            }
        }
        assertTrue(modules > 0);
        assertEquals(List.of(), problems);
    }

    @Test
    void catchesRootUnpinnedAndForeignBases() {
        assertFalse(Dockerfiles.problems("FROM registry.access.redhat.com/ubi9/ubi-micro:9.6\nCOPY a b\n").isEmpty(),
                "no USER means root");
        assertTrue(Dockerfiles.problems("FROM registry.access.redhat.com/ubi9/ubi-micro:9.6\nUSER 1001\nUSER root\n")
                .contains("the final stage runs as root"));
        assertTrue(Dockerfiles.problems("FROM registry.access.redhat.com/ubi9/ubi-micro\nUSER 1001\n").get(0).contains("no tag"));
        assertTrue(Dockerfiles.problems("FROM docker.io/library/debian:12\nUSER 1001\n").get(0).contains("not a registry.access.redhat.com/ubi9"));
        assertTrue(Dockerfiles.problems("""
                FROM registry.access.redhat.com/ubi9/ubi-minimal:9.6 AS build
                USER 1001
                FROM registry.access.redhat.com/ubi9/ubi-micro:9.6
                """).contains("the final stage sets no USER, so it runs as root"));
        assertEquals(List.of(), Dockerfiles.problems("FROM registry.access.redhat.com/ubi9/ubi-micro:9.6\nUSER 1001\n"));
    }
}
