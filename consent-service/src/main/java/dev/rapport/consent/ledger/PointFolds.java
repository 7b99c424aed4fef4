package dev.rapport.consent.ledger;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;

/**
 * The names {@code decision/DecisionLoader} still reads {@link PointFoldQueries} by; they go when the decision's SQL
 * moves to its Queries class.
 */
public final class PointFolds {
    private PointFolds() {
    }

    public static final String OF_GROUP = PointFoldQueries.OF_GROUP;

    public static List<PointFold> of(Row r) {
        return PointFoldQueries.of(r);
    }
}
