package dev.rapport.feedback.support;

import dev.rapport.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test in this module runs against one real PostgreSQL database, fresh for the run. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class Database {
    private Database() {
    }
}
