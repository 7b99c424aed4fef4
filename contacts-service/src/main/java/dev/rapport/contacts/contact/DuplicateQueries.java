package dev.rapport.contacts.contact;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Likely duplicates in one statement, whatever the page size: contact points are grouped by their normalised address
 * (stored canonical: lower-case e-mail, E.164 numbers, one kind for every phone channel), groups held by two or more
 * live contacts (not merged away, not erased) are kept, keyset-paged by (kind, address), and joined to their contact
 * ids; the contacts are read by {@link ContactRepository#byIds} (one more statement, the table's one mapping).
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: the grouping with its keyset over (kind, address) and
 * the per-group id arrays are one set-based statement HQL cannot express; no benchmark figure.
 */
@ApplicationScoped
public class DuplicateQueries {
    private static final String SQL = """
            with points as (
              select case when p.channel = 'EMAIL' then 'EMAIL' else 'PHONE' end as kind, p.address, p.contact_id
              from contact_points p join contacts c on c.id = p.contact_id
              where c.merged_into is null and c.erased_at is null and p.channel in ('EMAIL', 'PHONE', 'SMS', 'WHATSAPP')
            ), groups as (
              select kind, address, array_agg(distinct contact_id) as ids
              from points
              where $1::text is null or (kind, address) > ($1::text, $2::text)
              group by kind, address
              having count(distinct contact_id) > 1
              order by kind, address
              limit $3
            )
            select g.kind as duplicate_kind, g.address as duplicate_address, c.id
            from groups g join contacts c on c.id = any(g.ids)
            order by g.kind, g.address, c.created_at, c.id""";

    @Inject
    Pool pool;
    @Inject
    ContactRepository contacts;

    @WithSession
    public Uni<Page<DuplicateGroupView>> page(String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        Tuple params = Tuple.of(after.isEmpty() ? null : after.get(0), after.isEmpty() ? null : after.get(1), limit + 1);
        return pool.preparedQuery(SQL).execute(params).chain(rows -> {
            Map<List<String>, List<UUID>> groups = new LinkedHashMap<>();
            Set<UUID> ids = new LinkedHashSet<>();
            for (Row r : rows) {
                groups.computeIfAbsent(List.of(r.getString("duplicate_kind"), r.getString("duplicate_address")),
                        k -> new ArrayList<>()).add(r.getUUID("id"));
                ids.add(r.getUUID("id"));
            }
            return contacts.byIds(ids).map(byId -> {
                List<DuplicateGroupView> found = groups.entrySet().stream()
                        .map(e -> new DuplicateGroupView(e.getKey().get(0), e.getKey().get(1), e.getValue().stream()
                                .map(byId::get).filter(c -> c != null).map(c -> ContactView.from(c, null)).toList()))
                        .toList();
                return Page.of(found, limit, g -> g, g -> Cursor.encode(g.kind(), g.address()));
            });
        });
    }
}
