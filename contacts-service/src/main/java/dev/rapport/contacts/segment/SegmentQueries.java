package dev.rapport.contacts.segment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of segments: definitions, their versions and static lists.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: a static list is replaced in one transaction by
 * {@code insert … select … on conflict do nothing}, a chunk of ids per statement with merged-away ids resolved to their
 * survivor in the same statement, which Hibernate cannot express; its members are read in keyset pages joined to the
 * live contacts. No benchmark figure for these statements (bench/segments measures FILTER segments, whose members
 * {@link dev.rapport.contacts.contact.ContactSearchQueries} selects).
 */
@ApplicationScoped
public class SegmentQueries {
    private static final String COLUMNS = "id, name, description, kind, filter::text as filter, version, created_by, created_at, updated_at";
    /** Ids per insert statement of a static list. */
    static final int CHUNK = 10_000;

    @Inject
    Pool pool;

    /**
     * A row of {@code segments}; {@code filter} is the stored JSON. It is sent as text and cast in SQL: the reactive
     * client would encode a String bound to a jsonb parameter as a JSON string, not as the object it holds.
     */
    record Stored(UUID id, String name, String description, SegmentKind kind, String filter, int version, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    Uni<Stored> insert(UUID id, String name, String description, SegmentKind kind, String filter, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(c -> c.preparedQuery("insert into segments (id, name, description, kind, filter, version, "
                        + "created_by, created_at, updated_at) values ($1, $2, $3, $4, $5::text::jsonb, 1, $6, $7, $7) returning " + COLUMNS)
                .execute(Tuple.from(java.util.Arrays.asList(id, name, description, kind.name(), filter, by, now)))
                .map(rows -> stored(rows.iterator().next()))
                .call(s -> version(c, s, null, by)));
    }

    Uni<Stored> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from segments where id = $1 and deleted_at is null").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
    }

    /** Live segments by name then id, after the given position; {@code limit + 1} rows. */
    Uni<List<Stored>> list(String afterName, UUID afterId, int limit) {
        String keyset = afterId == null ? "" : " and (lower(name), id) > ($1, $2)";
        Tuple args = afterId == null ? Tuple.tuple() : Tuple.of(afterName, afterId);
        args.addValue(limit + 1);
        return pool.preparedQuery("select " + COLUMNS + " from segments where deleted_at is null" + keyset
                        + " order by lower(name), id limit $" + args.size())
                .execute(args).map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    rows.forEach(r -> out.add(stored(r)));
                    return out;
                });
    }

    /** Changes the definition if the version is still {@code expected}; null when it is not (or the segment is gone). */
    Uni<Stored> update(UUID id, int expected, String name, String description, String filter, String by) {
        return pool.withTransaction(c -> c.preparedQuery("update segments set name = $3, description = $4, filter = $5::text::jsonb, "
                        + "version = version + 1, updated_at = now() where id = $1 and version = $2 and deleted_at is null returning "
                        + COLUMNS)
                .execute(Tuple.from(java.util.Arrays.asList(id, expected, name, description, filter)))
                .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()))
                .call(s -> s == null ? Uni.createFrom().voidItem() : version(c, s, null, by)));
    }

    Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("update segments set deleted_at = now() where id = $1 and deleted_at is null")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Replaces a static list in one transaction: the segment is locked, its members deleted, the ids that name a contact
     * inserted (a merged-away id as the contact it was merged into; erased contacts left out) a chunk per statement,
     * and the version bumped. Null when the segment is gone.
     */
    Uni<MembersUpload> replaceMembers(UUID id, List<UUID> ids, long repeated, String by) {
        return pool.withTransaction(c -> c.preparedQuery("select " + COLUMNS + " from segments where id = $1 and deleted_at is null for update")
                .execute(Tuple.of(id)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Stored s = stored(rows.iterator().next());
                    return c.preparedQuery("delete from segment_members where segment_id = $1").execute(Tuple.of(id))
                            .chain(() -> Multi.createFrom().range(0, (ids.size() + CHUNK - 1) / CHUNK)
                                    .onItem().transformToUniAndConcatenate(i -> c.preparedQuery("""
                                            insert into segment_members (segment_id, contact_id)
                                            select distinct $1::uuid, coalesce(ct.merged_into, ct.id) from contacts ct
                                            where ct.id = any($2) and ct.erased_at is null
                                            on conflict do nothing""")
                                            .execute(Tuple.of(id, ids.subList(i * CHUNK, Math.min(ids.size(), (i + 1) * CHUNK))
                                                    .toArray(UUID[]::new)))
                                            .map(r -> (long) r.rowCount()))
                                    .collect().with(java.util.stream.Collectors.summingLong(n -> n)))
                            .chain(inserted -> c.preparedQuery("update segments set version = version + 1, updated_at = now() "
                                            + "where id = $1 returning " + COLUMNS).execute(Tuple.of(id))
                                    .map(r -> stored(r.iterator().next()))
                                    .call(updated -> version(c, updated, inserted, by))
                                    .map(updated -> new MembersUpload(id, updated.version(), inserted, ids.size() - inserted, repeated)));
                }));
    }

    /** A page of a static list's live members in id order after {@code after}. */
    Uni<List<UUID>> staticIds(UUID segmentId, UUID after, int limit) {
        return pool.preparedQuery("select m.contact_id from segment_members m join contacts c on c.id = m.contact_id "
                        + "where m.segment_id = $1 and m.contact_id > $2 and c.merged_into is null and c.erased_at is null "
                        + "order by m.contact_id limit $3")
                .execute(Tuple.of(segmentId, after == null ? new UUID(0, 0) : after, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    Uni<Long> staticCount(UUID segmentId) {
        return pool.preparedQuery("select count(*) from segment_members m join contacts c on c.id = m.contact_id "
                        + "where m.segment_id = $1 and c.merged_into is null and c.erased_at is null")
                .execute(Tuple.of(segmentId)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<Void> version(SqlConnection c, Stored s, Long members, String by) {
        return c.preparedQuery("insert into segment_versions (segment_id, version, name, filter, members, changed_by, changed_at) "
                        + "values ($1, $2, $3, $4::text::jsonb, $5, $6, now())")
                .execute(Tuple.from(java.util.Arrays.asList(s.id(), s.version(), s.name(), s.filter(), members, by)))
                .replaceWithVoid();
    }

    private static Stored stored(Row r) {
        return new Stored(r.getUUID("id"), r.getString("name"), r.getString("description"), SegmentKind.valueOf(r.getString("kind")),
                r.getString("filter"), r.getInteger("version"), r.getString("created_by"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }
}
