package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Event;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.purpose.LawfulBasis;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Loads what decisions need for a list of contacts in ONE statement (one round trip per contact or per chunk of an
 * audience). This is the hot path of single and bulk decisions, so it uses the reactive SQL client directly: through
 * Hibernate it took six queries and entity hydration per contact (see bench/consent for the figures this achieves).
 * Merged contacts are followed: a decision for a merged-away id, or for the survivor, sees both ledgers.
 */
@ApplicationScoped
public class DecisionLoader {

    static final String SQL = """
            with req as (
              select r.id, r.ord, coalesce(m.survivor_id, r.id) as root
              from unnest($1::uuid[]) with ordinality as r(id, ord)
              left join contact_merges m on m.merged_contact_id = r.id
            ), grp as (
              select req.*, array(select req.root union all
                                  select mm.merged_contact_id from contact_merges mm where mm.survivor_id = req.root) as members
              from req
            )
            select g.id, g.root,
              (s.contact_id is not null or exists (select 1 from consent_subjects s2 where s2.contact_id = any (g.members))) as known,
              (s.erased_at is not null) as erased,
              p.preferred_channels, p.quiet_start, p.quiet_end, p.time_zone, p.max_touches, p.touch_window_days,
              (coalesce(p.do_not_contact, false)
                 or exists (select 1 from contact_policies p2 where p2.contact_id = any (g.members) and p2.do_not_contact)) as dnc,
              (select count(*) from outreach o
                 where o.contact_id = g.root and o.status in ('QUEUED', 'LEASED', 'DELIVERED')
                   and o.created_at > $3::timestamptz - make_interval(days => coalesce(p.touch_window_days, $4::int)) and o.created_at <= $3::timestamptz) as touches,
              (select json_agg(json_build_array(f.contact_point_id, f.channel, f.address_hash, f.provenance,
                         (extract(epoch from f.verified_at) * 1000000)::bigint, (extract(epoch from f.added_at) * 1000000)::bigint,
                         (extract(epoch from f.removed_at) * 1000000)::bigint))
                 from contact_point_facts f where f.contact_id = any (g.members)) as points,
              (select json_agg(json_build_array(e.id, e.kind, e.channel, e.contact_point_id, e.point_hash,
                         (extract(epoch from e.occurred_at) * 1000000)::bigint, (extract(epoch from e.expires_at) * 1000000)::bigint,
                         (extract(epoch from e.until_at) * 1000000)::bigint) order by e.occurred_at, e.recorded_at, e.seq)
                 from consent_events e where e.contact_id = any (g.members) and e.purpose = $2::text and e.occurred_at <= $3::timestamptz) as events,
              (select pu.lawful_basis from purposes pu where pu.code = $2::text) as basis
            from grp g
            left join consent_subjects s on s.contact_id = g.root
            left join contact_policies p on p.contact_id = g.root
            order by g.ord
            """;

    /** Facts for each contact id, in the order asked, and the purpose (null when it does not exist). */
    public record Loaded(PurposeInfo purpose, List<DecisionFacts> facts) {
    }

    public Uni<Loaded> load(SqlClient sql, List<UUID> contactIds, String purpose, Instant at, int defaultWindowDays) {
        return sql.preparedQuery(SQL)
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), purpose, at.atOffset(java.time.ZoneOffset.UTC), defaultWindowDays))
                .map(rows -> {
                    List<DecisionFacts> out = new ArrayList<>(contactIds.size());
                    PurposeInfo info = null;
                    for (Row r : rows) {
                        String basis = r.getString("basis");
                        if (basis != null && info == null) {
                            info = new PurposeInfo(purpose, LawfulBasis.valueOf(basis));
                        }
                        out.add(facts(r));
                    }
                    return new Loaded(info, out);
                });
    }

    private static DecisionFacts facts(Row r) {
        UUID root = r.getUUID("root");
        if (!r.getBoolean("known")) {
            return DecisionFacts.unknown(root);
        }
        String[] preferred = r.getArrayOfStrings("preferred_channels");
        String zone = r.getString("time_zone");
        Policy policy = new Policy(
                preferred == null ? List.of() : Arrays.stream(preferred).map(Channel::valueOf).toList(),
                r.getLocalTime("quiet_start"), r.getLocalTime("quiet_end"), zone == null ? null : ZoneId.of(zone),
                r.getInteger("max_touches"), r.getInteger("touch_window_days"), r.getBoolean("dnc"));
        return new DecisionFacts(root, true, r.getBoolean("erased"), points(r.getValue("points")),
                events(r.getValue("events")), policy, r.getLong("touches").intValue());
    }

    private static List<Point> points(Object json) {
        if (!(json instanceof JsonArray arr)) {
            return List.of();
        }
        List<Point> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonArray a = arr.getJsonArray(i);
            out.add(new Point(UUID.fromString(a.getString(0)), Channel.valueOf(a.getString(1)), a.getString(2),
                    Provenance.valueOf(a.getString(3)), micros(a.getLong(4)), micros(a.getLong(5)), micros(a.getLong(6))));
        }
        return out;
    }

    private static List<Event> events(Object json) {
        if (!(json instanceof JsonArray arr)) {
            return List.of();
        }
        List<Event> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonArray a = arr.getJsonArray(i);
            String channel = a.getString(2);
            String point = a.getString(3);
            out.add(new Event(UUID.fromString(a.getString(0)), EventKind.valueOf(a.getString(1)),
                    channel == null ? null : Channel.valueOf(channel), point == null ? null : UUID.fromString(point),
                    a.getString(4), micros(a.getLong(5)), micros(a.getLong(6)), micros(a.getLong(7))));
        }
        return out;
    }

    private static Instant micros(Long epochMicros) {
        return epochMicros == null ? null : Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
