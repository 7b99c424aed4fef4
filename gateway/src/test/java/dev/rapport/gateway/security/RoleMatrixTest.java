package dev.rapport.gateway.security;

import org.junit.jupiter.api.Test;

import dev.rapport.devstack.testing.RoleMatrix;

/** Every GraphQL query, mutation and batched field has its row in docs/roles.md, with exactly the roles it allows. */
class RoleMatrixTest {

    @Test
    void everyGraphQLOperationMatchesItsRowInDocsRoles() {
        RoleMatrix.assertMatches("gateway", GraphQLOperations.roles());
    }
}
