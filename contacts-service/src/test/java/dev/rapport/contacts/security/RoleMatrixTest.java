package dev.rapport.contacts.security;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.rapport.devstack.testing.RoleMatrix;

/** Every REST resource method of contacts-service has its row in docs/roles.md, with exactly the roles its annotations allow. */
class RoleMatrixTest {

    @Test
    void everyResourceMethodMatchesItsRowInDocsRoles() {
        RoleMatrix.assertMatches("contacts-service", RoleMatrix.restOperations(Path.of("target/classes")));
    }
}
