package dev.rapport.feedback.followup;

import dev.rapport.feedback.person.ByContactQueries;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.PerParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The messages of many threads in one statement: per thread its count and a page in conversation order (oldest first),
 * continued after a keyset cursor. With {@code onlyOf} (a contact reading), another person's thread answers as an
 * unknown one: nothing, and 0. Staff see an anonymous respondent's messages signed "contact".
 */
@ApplicationScoped
public class ThreadMessageQueries {
    @Inject
    Pool pool;

    public Uni<List<PerParent<ThreadView.MessageView>>> messages(List<UUID> threadIds, String cursor, int limit, UUID onlyOf) {
        Keyset after = Keyset.of(cursor);
        return PerParent.read(pool, """
                select p.id as parent, n.total, t.anonymous,
                       m.id, m.author, m.from_staff, m.body, m.answer, m.created_at
                from unnest($1::uuid[]) as p(id)
                join threads t on t.id = p.id and ($5::uuid is null or t.contact_id = $5)
                cross join lateral (select count(*) as total from thread_messages c where c.thread_id = p.id) n
                left join lateral (select * from thread_messages x where x.thread_id = p.id
                                     and ($3::timestamptz is null or (x.created_at, x.id) > ($3, $4))
                                   order by x.created_at, x.id limit $2) m on true
                order by p.id, m.created_at, m.id""",
                Tuple.of(threadIds.toArray(UUID[]::new), limit + 1, after.at(), after.id(), onlyOf), threadIds, limit,
                r -> ThreadView.MessageView.of(r.getUUID("id"), r.getString("author"), r.getBoolean("from_staff"),
                        r.getString("body"), answer(r.getString("answer")), ByContactQueries.instant(r, "created_at"), onlyOf != null || !r.getBoolean("anonymous")),
                m -> Keyset.encode(m.createdAt(), m.id()));
    }

    private static Answer answer(String name) {
        return name == null ? null : Answer.valueOf(name);
    }
}
