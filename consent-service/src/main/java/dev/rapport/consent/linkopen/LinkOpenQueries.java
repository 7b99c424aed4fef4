package dev.rapport.consent.linkopen;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/** The link_opens table: one atomic statement counts an opening, whatever the concurrency. */
@ApplicationScoped
public class LinkOpenQueries {
    @Inject
    Pool pool;

    public Uni<LinkOpen> count(UUID linkId) {
        return pool.preparedQuery("""
                        insert into link_opens (link_id, opens, first_opened_at, last_opened_at) values ($1, 1, now(), now())
                        on conflict (link_id) do update set opens = link_opens.opens + 1, last_opened_at = now()
                        returning link_id, opens, first_opened_at
                        """).execute(Tuple.of(linkId)).map(rows -> from(rows.iterator().next()));
    }

    /** Forgets links first opened longer ago than any link lives. */
    public Uni<Integer> forgetOlderThan(Duration age) {
        return pool.preparedQuery("delete from link_opens where first_opened_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) age.toSeconds())).map(rows -> rows.rowCount());
    }

    private static LinkOpen from(Row r) {
        return new LinkOpen(r.getUUID("link_id"), r.getInteger("opens"), r.getOffsetDateTime("first_opened_at").toInstant());
    }
}
