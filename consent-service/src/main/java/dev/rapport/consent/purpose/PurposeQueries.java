package dev.rapport.consent.purpose;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads one purpose on the reactive SQL client. {@code GET /purposes/{code}} is the authenticated single-row read
 * bench/consent measures against the HTTP floor; through Hibernate Reactive (session, transaction-less find, entity
 * hydration) it spent 27.5% of its samples in Hibernate (bench/consent/README.md, "Profile of the read"). Writes and
 * the list stay on the {@link Purpose} entity.
 */
@ApplicationScoped
public class PurposeQueries {
    @Inject
    Pool pool;

    /** The purpose, or null when there is none. */
    public Uni<PurposeView> find(String code) {
        return pool.preparedQuery("select code, description, lawful_basis, version, created_at, updated_at from purposes where code = $1")
                .execute(Tuple.of(code)).map(PurposeQueries::first);
    }

    private static PurposeView first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new PurposeView(r.getString("code"), r.getString("description"), LawfulBasis.valueOf(r.getString("lawful_basis")),
                r.getLong("version"), r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
