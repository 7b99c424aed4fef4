package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consents in force for any number of contacts as of an instant, in ONE statement whatever the number: each asked
 * id is resolved to its survivor and merge group as they stood at that instant (a merge later than it does not count),
 * and the group's ledger events, contact points (as of then) and point folds come back as typed arrays, one row per
 * asked id.
 */
@ApplicationScoped
public class ConsentStateQueries {

    static final String STATES = """
            with req as (
              select r.id, r.ord, coalesce(m.survivor_id, r.id) as root
              from unnest($1::uuid[]) with ordinality as r(id, ord)
              left join contact_merges m on m.merged_contact_id = r.id and m.merged_at <= $2::timestamptz
            ), grp as materialized (
              select req.*, array(select req.root union all
                                  select mm.merged_contact_id from contact_merges mm
                                  where mm.survivor_id = req.root and mm.merged_at <= $2::timestamptz) as members
              from req
            )
            select g.id,
              ev.ev_id, ev.ev_kind, ev.ev_purpose, ev.ev_channel, ev.ev_point, ev.ev_hash, ev.ev_occurred, ev.ev_expires,
              ev.ev_until, ev.ev_basis, ev.ev_source, pt.pt_id, pt.pt_hash,
              fo.fo_from, fo.fo_from_hash, fo.fo_into, fo.fo_into_hash, fo.fo_at
            from grp g
            left join lateral (
              select array_agg(e.id order by e.occurred_at, e.recorded_at, e.seq) as ev_id,
                     array_agg(e.kind order by e.occurred_at, e.recorded_at, e.seq) as ev_kind,
                     array_agg(e.purpose order by e.occurred_at, e.recorded_at, e.seq) as ev_purpose,
                     array_agg(e.channel order by e.occurred_at, e.recorded_at, e.seq) as ev_channel,
                     array_agg(e.contact_point_id order by e.occurred_at, e.recorded_at, e.seq) as ev_point,
                     array_agg(e.point_hash order by e.occurred_at, e.recorded_at, e.seq) as ev_hash,
                     array_agg(e.occurred_at order by e.occurred_at, e.recorded_at, e.seq) as ev_occurred,
                     array_agg(e.expires_at order by e.occurred_at, e.recorded_at, e.seq) as ev_expires,
                     array_agg(e.until_at order by e.occurred_at, e.recorded_at, e.seq) as ev_until,
                     array_agg(e.lawful_basis order by e.occurred_at, e.recorded_at, e.seq) as ev_basis,
                     array_agg(e.source order by e.occurred_at, e.recorded_at, e.seq) as ev_source
              from consent_events e
              where e.contact_id = any (g.members) and e.kind <> 'ERASURE' and e.occurred_at <= $2::timestamptz) ev on true
            left join lateral (
              select array_agg(v.contact_point_id) as pt_id, array_agg(v.address_hash) as pt_hash
              from contact_point_fact_versions v
              where v.contact_id = any (g.members) and v.removed_at is null
                and v.valid_from <= $2::timestamptz and (v.valid_to is null or v.valid_to > $2::timestamptz)) pt on true
            left join lateral (%s) fo on true
            order by g.ord
            """.formatted(PointFoldQueries.OF_GROUP);

    @Inject
    Pool pool;

    /** What the projection needs for one asked contact: its group's events and points' hashes as of the instant. */
    record Inputs(UUID contactId, List<Projection.Entry> events, Map<UUID, String> pointHashes, List<PointFold> folds) {
    }

    /** One entry per asked id, in the order asked. */
    Uni<List<Inputs>> inputs(List<UUID> contactIds, Instant at) {
        return pool.preparedQuery(STATES)
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), at.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Inputs> out = new ArrayList<>(contactIds.size());
                    for (Row r : rows) {
                        out.add(new Inputs(r.getUUID("id"), events(r), pointHashes(r), PointFoldQueries.of(r)));
                    }
                    return out;
                });
    }

    private static List<Projection.Entry> events(Row r) {
        UUID[] ids = r.getArrayOfUUIDs("ev_id");
        if (ids == null) {
            return List.of();
        }
        String[] kinds = r.getArrayOfStrings("ev_kind");
        String[] purposes = r.getArrayOfStrings("ev_purpose");
        String[] channels = r.getArrayOfStrings("ev_channel");
        UUID[] points = r.getArrayOfUUIDs("ev_point");
        String[] hashes = r.getArrayOfStrings("ev_hash");
        OffsetDateTime[] occurred = r.getArrayOfOffsetDateTimes("ev_occurred");
        OffsetDateTime[] expires = r.getArrayOfOffsetDateTimes("ev_expires");
        OffsetDateTime[] until = r.getArrayOfOffsetDateTimes("ev_until");
        String[] bases = r.getArrayOfStrings("ev_basis");
        String[] sources = r.getArrayOfStrings("ev_source");
        List<Projection.Entry> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new Projection.Entry(ids[i], EventKind.valueOf(kinds[i]), purposes[i],
                    channels[i] == null ? null : Channel.valueOf(channels[i]), points[i], hashes[i], instant(occurred[i]),
                    instant(expires[i]), instant(until[i]), bases[i] == null ? null : LawfulBasis.valueOf(bases[i]),
                    sources[i] == null ? null : EventSource.valueOf(sources[i])));
        }
        return out;
    }

    private static Map<UUID, String> pointHashes(Row r) {
        UUID[] ids = r.getArrayOfUUIDs("pt_id");
        if (ids == null) {
            return Map.of();
        }
        String[] hashes = r.getArrayOfStrings("pt_hash");
        Map<UUID, String> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], hashes[i]);
        }
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
