package dev.rapport.feedback.priority;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A consultation's ratings counted in PostgreSQL, per initiative and bucket, with one grouped statement (optionally
 * joined to the responses' segment, a GIN-indexed jsonb), and its respondents with one more: loading 100k responses as
 * entities to count them would cost far more than the count.
 */
@ApplicationScoped
public class PriorityQueries {
    @Inject
    Pool pool;

    /** {@code byInitiative}: the count of each bucket (0–3) per initiative; {@code respondents}: responses counted. */
    record Counts(Map<UUID, long[]> byInitiative, long respondents) {
    }

    /** Only the responses whose segment holds every pair of {@code segment} (all of them when it is empty). */
    Uni<Counts> counts(UUID consultationId, Map<String, String> segment) {
        boolean filtered = !segment.isEmpty();
        JsonObject filter = new JsonObject(new HashMap<>(segment));
        String counts = filtered
                ? "select r.initiative_id, r.bucket, count(*) as n from response_ratings r join responses p on p.id = r.response_id "
                        + "where r.consultation_id = $1 and p.segment @> $2 group by r.initiative_id, r.bucket"
                : "select r.initiative_id, r.bucket, count(*) as n from response_ratings r where r.consultation_id = $1 "
                        + "group by r.initiative_id, r.bucket";
        String respondents = filtered
                ? "select count(*) as n from responses where consultation_id = $1 and segment @> $2"
                : "select count(*) as n from responses where consultation_id = $1";
        Tuple params = filtered ? Tuple.of(consultationId, filter) : Tuple.of(consultationId);
        return pool.preparedQuery(counts).execute(params).chain(rows -> pool.preparedQuery(respondents).execute(params)
                .map(total -> {
                    Map<UUID, long[]> byInitiative = new HashMap<>();
                    for (Row r : rows) {
                        byInitiative.computeIfAbsent(r.getUUID("initiative_id"), k -> new long[4])[r.getInteger("bucket")] =
                                r.getLong("n");
                    }
                    return new Counts(byInitiative, total.iterator().next().getLong("n"));
                }));
    }
}
