package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.ContactPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL of a merge. Every statement runs on the merge's connection, opened by {@link #inTransaction}.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: one transaction spans contacts, points, the timeline,
 * value and the outbox, and the timeline and value are SQL-client tables ({@link dev.rapport.contacts.interaction.InteractionQueries},
 * {@link dev.rapport.contacts.value.ValueQueries#recompute} on this connection); moving a contact's timeline and
 * follow-ups are set-based updates. No benchmark figure: the reason is the shared transaction, not speed.
 */
@ApplicationScoped
public class ContactMergeQueries {
    @Inject
    Pool pool;

    /** A contact row as a merge checks it. */
    record Locked(UUID id, UUID mergedInto, long version) {
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Locks both contacts (in id order, so two merges of one pair cannot deadlock); absent ids are missing. */
    Uni<Map<UUID, Locked>> lock(SqlConnection conn, UUID a, UUID b) {
        return conn.preparedQuery("select id, merged_into, version from contacts where id in ($1, $2) order by id for update")
                .execute(Tuple.of(a, b)).map(rows -> {
                    Map<UUID, Locked> byId = new HashMap<>();
                    rows.forEach(r -> byId.put(r.getUUID("id"), new Locked(r.getUUID("id"), r.getUUID("merged_into"), r.getLong("version"))));
                    return byId;
                });
    }

    /** The points of both contacts, oldest capture first. */
    Uni<List<ContactPoint>> points(SqlConnection conn, UUID survivor, UUID loser) {
        return conn.preparedQuery("select * from contact_points where contact_id in ($1, $2) order by captured_at, id")
                .execute(Tuple.of(survivor, loser)).map(rows -> {
                    List<ContactPoint> out = new ArrayList<>();
                    rows.forEach(r -> out.add(ContactPoint.from(r)));
                    return out;
                });
    }

    Uni<Void> movePoint(SqlConnection conn, UUID pointId, UUID survivor) {
        return conn.preparedQuery("update contact_points set contact_id = $1 where id = $2").execute(Tuple.of(survivor, pointId))
                .replaceWithVoid();
    }

    /** Removes the loser's copy of an address the survivor holds and keeps the merged provenance on the survivor's. */
    Uni<Void> foldPoint(SqlConnection conn, UUID removed, ContactPoint kept) {
        return conn.preparedQuery("delete from contact_points where id = $1").execute(Tuple.of(removed))
                .chain(() -> conn.preparedQuery("""
                        update contact_points set provenance = $2, provenance_source = $3,
                               captured_at = $4, verified_at = $5 where id = $1""")
                        .execute(Tuple.of(kept.id, kept.provenance.name(), kept.provenanceSource,
                                kept.capturedAt.atOffset(ZoneOffset.UTC),
                                kept.verifiedAt == null ? null : kept.verifiedAt.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /**
     * Moves the timeline and follow-ups to the survivor, drops the loser's signal acknowledgements, fills the survivor's
     * empty fields and tags from the loser's, and makes the loser (and anything merged into it) resolve to the survivor.
     */
    Uni<Void> moveEverythingElse(SqlConnection conn, UUID survivor, UUID loser) {
        Tuple both = Tuple.of(survivor, loser);
        return conn.preparedQuery("""
                        update interactions set contact_id = $1, merged_from = coalesce(merged_from, $2)
                        where contact_id = $2""").execute(both)
                .chain(() -> conn.preparedQuery("update follow_ups set contact_id = $1 where contact_id = $2").execute(both))
                .chain(() -> conn.preparedQuery("delete from signal_acknowledgements where contact_id = $1")
                        .execute(Tuple.of(loser)))
                .chain(() -> conn.preparedQuery("select tags, given_name, family_name, organisation_id, owner, language from contacts where id = $1")
                        .execute(Tuple.of(loser)))
                .chain(loserRows -> {
                    Row l = loserRows.iterator().next();
                    String[] loserTags = l.getArrayOfStrings("tags");
                    return conn.preparedQuery("""
                            update contacts set
                              given_name = coalesce(given_name, $2), family_name = coalesce(family_name, $3),
                              organisation_id = coalesce(organisation_id, $4), owner = coalesce(owner, $5),
                              language = coalesce(language, $7),
                              tags = (select coalesce(array_agg(distinct t order by t), '{}') from unnest(tags || $6::text[]) t),
                              version = version + 1, updated_at = now()
                            where id = $1""")
                            .execute(Tuple.from(Arrays.asList(survivor, l.getString("given_name"), l.getString("family_name"),
                                    l.getUUID("organisation_id"), l.getString("owner"),
                                    loserTags == null ? new String[0] : loserTags, l.getString("language"))));
                })
                .chain(() -> conn.preparedQuery("update contacts set merged_into = $1, updated_at = now() where id = $2 or merged_into = $2")
                        .execute(both))
                .replaceWithVoid();
    }
}
