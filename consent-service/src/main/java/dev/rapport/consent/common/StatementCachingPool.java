package dev.rapport.consent.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * The reactive pool as Quarkus configures it, except that statements up to {@link #SQL_LIMIT} characters are kept
 * prepared per connection. The Vert.x client caches only statements up to 2,048 characters by default; the decision
 * statement is longer, so with the default every decision was parsed and planned again on every request (a fresh
 * custom plan: several times the cost of executing it; see bench/consent/README.md).
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {
    static final int SQL_LIMIT = 16_384;

    @Override
    @SuppressWarnings("deprecation") // Quarkus expects a PgPool back; PgBuilder returns a plain Pool
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(SQL_LIMIT);
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
