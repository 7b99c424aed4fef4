package dev.rapport.feedback.consultation;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.PerParent;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The initiatives of many consultations in one statement: per consultation its count and a page in list order
 * (position), continued after a cursor holding the last position read. And initiatives by id, in one statement.
 */
@ApplicationScoped
public class InitiativeQueries {
    @Inject
    Pool pool;

    public Uni<List<PerParent<InitiativeView>>> initiatives(List<UUID> consultationIds, String cursor, int limit) {
        return PerParent.read(pool, """
                select p.id as parent, n.total, i.id, i.position, i.title, i.description
                from unnest($1::uuid[]) as p(id)
                cross join lateral (select count(*) as total from initiatives x where x.consultation_id = p.id) n
                left join lateral (select * from initiatives x where x.consultation_id = p.id
                                     and ($3::int is null or x.position > $3)
                                   order by x.position limit $2) i on true
                order by p.id, i.position""",
                Tuple.of(consultationIds.toArray(UUID[]::new), limit + 1, position(cursor)), consultationIds, limit,
                r -> new InitiativeView(r.getUUID("id"), r.getInteger("position"), r.getString("title"), r.getString("description")),
                i -> Cursor.encode(i.position()));
    }

    /** The initiatives with these ids that exist, in the order asked. */
    public Uni<List<InitiativeView>> byIds(List<UUID> ids) {
        return pool.preparedQuery("""
                select i.id, i.position, i.title, i.description
                from unnest($1::uuid[]) with ordinality as p(id, n)
                join initiatives i on i.id = p.id
                order by p.n""").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<InitiativeView> found = new java.util.ArrayList<>();
                    rows.forEach(r -> found.add(new InitiativeView(r.getUUID("id"), r.getInteger("position"), r.getString("title"),
                            r.getString("description"))));
                    return found;
                });
    }

    private static Integer position(String cursor) {
        List<String> keys = Cursor.decode(cursor, 1);
        if (keys.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(keys.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}
