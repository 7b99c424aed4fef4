package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Event;
import dev.rapport.consent.decision.DecisionFacts.Point;
import dev.rapport.consent.decision.DecisionFacts.Policy;
import dev.rapport.consent.decision.DecisionFacts.PurposeInfo;
import dev.rapport.consent.decision.DecisionFacts.Touch;
import dev.rapport.consent.facts.Provenance;
import dev.rapport.consent.ledger.PointFoldQueries;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.purpose.LawfulBasis;
import dev.rapport.consent.rules.CompanyRules;
import dev.rapport.consent.rules.CompanyRulesCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Loads what decisions need for one contact or a chunk of an audience in ONE statement (one round trip). This is the
 * hot path of single and bulk decisions, so it uses the reactive SQL client directly: through Hibernate it took six
 * queries and entity hydration per contact (bench/consent has the figures). Points and events come back as typed
 * arrays (no JSON to build in PostgreSQL or to parse here).
 * <ul>
 * <li>Decisions <b>now</b> read the decision projection, {@code decision_inputs} (V85): one row per contact holding every
 * input (points, events of every purpose, policy, touches, folds, erasure), kept by the database in the transaction of
 * every write, and one more row for a merged-away id, naming its survivor. One primary-key read (and the survivor's
 * row for a merged-away id).</li>
 * <li>Decisions <b>as of</b> an instant read history: the ledger up to then, the points as they stood then
 * ({@code contact_point_fact_versions}) and only the merges made by then.</li>
 * </ul>
 * Both give the same facts to the same {@link DecisionEngine}; {@code DecisionPathsAgreeTest} checks the two agree.
 * A single decision binds a scalar id rather than a one-element array: with an array PostgreSQL's generic plan looks
 * 10x dearer than a custom one, so it re-planned the statement on every request (see bench/consent/README.md).
 * The company's rules come from {@link CompanyRulesCache} (no statement); the same statement reads the touches within the
 * longest company cap's window, so company caps cost no statement of their own.
 */
@ApplicationScoped
public class DecisionQueries {

    private static final String ONE = "select $1::uuid as id, 1::bigint as ord, "
            + "coalesce((select m.survivor_id from contact_merges m where m.merged_contact_id = $1::uuid%1$s), $1::uuid) as root";
    private static final String MANY = "select r.id, r.ord, coalesce(m.survivor_id, r.id) as root "
            + "from unnest($1::uuid[]) with ordinality as r(id, ord) left join contact_merges m on m.merged_contact_id = r.id%1$s";
    /** As of an instant, only merges made by then join contacts: a decision before a merge is the one made then. */
    private static final String MERGED_BY_THEN = " and m.merged_at <= $3::timestamptz";
    private static final String POINTS_AS_OF = "contact_point_fact_versions f where f.contact_id = any (g.members) "
            + "and f.valid_from <= $3::timestamptz and (f.valid_to is null or f.valid_to > $3::timestamptz)";

    private static final String TEMPLATE = """
            with req as (%1$s), grp as materialized (
              select req.*, array(select req.root union all
                                  select m.merged_contact_id from contact_merges m where m.survivor_id = req.root%2$s) as members
              from req
            )
            select g.id, g.root,
              (s.contact_id is not null or exists (select 1 from consent_subjects s2 where s2.contact_id = any (g.members))) as known,
              (s.erased_at is not null) as erased,
              p.preferred_channels, p.quiet_start, p.quiet_end, p.time_zone, p.max_touches, p.touch_window_days, p.paused_until,
              (coalesce(p.do_not_contact, false)
                 or exists (select 1 from contact_policies p2 where p2.contact_id = any (g.members) and p2.do_not_contact)) as dnc,
              (select count(*) from outreach o
                 where o.contact_id = g.root and o.status in ('QUEUED', 'LEASED', 'DELIVERED')
                   and o.created_at > $3::timestamptz - make_interval(hours => 24 * coalesce(p.touch_window_days, $4::int))
                   and o.created_at <= $3::timestamptz) as touches,
              pt.pt_id, pt.pt_channel, pt.pt_hash, pt.pt_provenance, pt.pt_verified, pt.pt_added, pt.pt_removed, pt.pt_undeliverable,
              ev.ev_id, ev.ev_kind, ev.ev_channel, ev.ev_point, ev.ev_hash, ev.ev_occurred, ev.ev_expires, ev.ev_until,
              tc.tc_channel, tc.tc_purpose, tc.tc_at,
              fo.fo_from, fo.fo_from_hash, fo.fo_into, fo.fo_into_hash, fo.fo_at,
              (select pu.lawful_basis from purposes pu where pu.code = $2::text) as basis
            from grp g
            left join consent_subjects s on s.contact_id = g.root
            left join contact_policies p on p.contact_id = g.root
            left join lateral (
              select array_agg(f.contact_point_id order by f.added_at, f.contact_point_id) as pt_id,
                     array_agg(f.channel order by f.added_at, f.contact_point_id) as pt_channel,
                     array_agg(f.address_hash order by f.added_at, f.contact_point_id) as pt_hash,
                     array_agg(f.provenance order by f.added_at, f.contact_point_id) as pt_provenance,
                     array_agg(f.verified_at order by f.added_at, f.contact_point_id) as pt_verified,
                     array_agg(f.added_at order by f.added_at, f.contact_point_id) as pt_added,
                     array_agg(f.removed_at order by f.added_at, f.contact_point_id) as pt_removed,
                     array_agg(f.undeliverable_at order by f.added_at, f.contact_point_id) as pt_undeliverable
              from %3$s) pt on true
            left join lateral (
              select array_agg(e.id order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_id,
                     array_agg(e.kind order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_kind,
                     array_agg(e.channel order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_channel,
                     array_agg(e.contact_point_id order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_point,
                     array_agg(e.point_hash order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_hash,
                     array_agg(e.occurred_at order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_occurred,
                     array_agg(e.expires_at order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_expires,
                     array_agg(e.until_at order by e.occurred_at, e.recorded_at, e.seq, e.id) as ev_until
              from consent_events e
              where e.contact_id = any (g.members) and e.purpose = $2::text and e.occurred_at <= $3::timestamptz) ev on true
            left join lateral (
              select array_agg(o.channel) as tc_channel, array_agg(o.purpose) as tc_purpose, array_agg(o.created_at) as tc_at
              from outreach o
              where $5::int > 0 and o.contact_id = g.root and o.status in ('QUEUED', 'LEASED', 'DELIVERED')
                and o.created_at > $3::timestamptz - make_interval(hours => 24 * $5::int) and o.created_at <= $3::timestamptz) tc on true
            left join lateral (%4$s) fo on true
            order by g.ord
            """;

    static final String FOLDS = PointFoldQueries.OF_GROUP;

    static final String ONE_AS_OF = TEMPLATE.formatted(ONE.formatted(MERGED_BY_THEN), MERGED_BY_THEN, POINTS_AS_OF, FOLDS);
    static final String MANY_AS_OF = TEMPLATE.formatted(MANY.formatted(MERGED_BY_THEN), MERGED_BY_THEN, POINTS_AS_OF, FOLDS);

    /** A projection row's inputs as stored, and the purpose's lawful basis; {@code r} is the row that holds them. */
    private static final String INPUTS = """
            r.known, r.erased,
              r.preferred_channels, r.quiet_start, r.quiet_end, r.time_zone, r.max_touches, r.touch_window_days, r.paused_until,
              r.dnc, r.pt_id, r.pt_channel, r.pt_hash, r.pt_provenance, r.pt_verified, r.pt_added, r.pt_removed, r.pt_undeliverable,
              r.ev_id, r.ev_purpose, r.ev_kind, r.ev_channel, r.ev_point, r.ev_hash, r.ev_occurred, r.ev_expires, r.ev_until,
              r.tc_channel, r.tc_purpose, r.tc_at, r.fo_from, r.fo_from_hash, r.fo_into, r.fo_into_hash, r.fo_at,
              (select pu.lawful_basis from purposes pu where pu.code = $2::text) as basis
            """;

    /**
     * Now, from the projection, for a chunk: the row of each id asked about names its root (itself, or its survivor),
     * whose row holds the inputs, returned as stored. Events of every purpose come back; {@link #events} keeps the
     * purpose asked about, and {@link #count} and {@link #within} count and filter the touches: the statement only
     * reads rows by primary key and the purpose (counting and filtering arrays in SQL cost PostgreSQL a quarter of the
     * statement, bench/consent/README.md).
     */
    private static final String PROJECTION = "select q.id, coalesce(a.root_id, q.id) as root, " + INPUTS + """
            from %s
            left join decision_inputs a on a.contact_id = q.id
            left join decision_inputs r on r.contact_id = a.root_id
            order by q.ord
            """;
    /**
     * One contact now: its own row only. A merged-away id's row names its survivor, whose row is then read by the same
     * statement (a second round trip for ids that were merged, one primary-key read fewer for every other).
     */
    static final String ONE_NOW = "select q.id, coalesce(r.root_id, q.id) as root, " + INPUTS + """
            from (select $1::uuid as id) q
            left join decision_inputs r on r.contact_id = q.id
            """;
    static final String MANY_NOW = PROJECTION.formatted("unnest($1::uuid[]) with ordinality as q(id, ord)");
    /** The projection keeps the touches of this many days: no cap's window is longer (V85). */
    public static final int TOUCH_HORIZON_DAYS = 366;

    @Inject
    Pool pool;
    @Inject
    CompanyRulesCache companyRules;

    /** {@link #load(SqlClient, List, String, Instant, boolean, int)} on a pooled connection of its own. */
    public Uni<Loaded> load(List<UUID> contactIds, String purpose, Instant at, boolean asOf, int defaultWindowDays) {
        return load(pool, contactIds, purpose, at, asOf, defaultWindowDays);
    }

    /** Whether a purpose is defined (bulk calls check once before streaming). */
    Uni<Boolean> purposeExists(String purpose) {
        return pool.preparedQuery("select 1 from purposes where code = $1").execute(Tuple.of(purpose)).map(rows -> rows.size() > 0);
    }

    /** Facts for each contact id, in the order asked, the purpose (null when it does not exist) and the company's rules. */
    public record Loaded(PurposeInfo purpose, List<DecisionFacts> facts, CompanyRules rules) {
    }

    /**
     * Loads for the given contacts.
     *
     * @param asOf true for a decision as of a given instant: from history; false for a decision now: from the projection
     */
    public Uni<Loaded> load(SqlClient sql, List<UUID> contactIds, String purpose, Instant at, boolean asOf, int defaultWindowDays) {
        boolean one = contactIds.size() == 1;
        Object ids = one ? contactIds.get(0) : contactIds.toArray(UUID[]::new);
        return companyRules.rules().chain(rules -> {
            Uni<RowSet<Row>> rows;
            if (asOf) {
                rows = sql.preparedQuery(one ? ONE_AS_OF : MANY_AS_OF).execute(
                        Tuple.of(ids, purpose, at.atOffset(ZoneOffset.UTC), defaultWindowDays, rules.longestCapWindowDays()));
            } else {
                rows = one ? oneNow(sql, contactIds.get(0), purpose) : sql.preparedQuery(MANY_NOW).execute(Tuple.of(ids, purpose));
            }
            Windows now = asOf ? null : new Windows(defaultWindowDays, rules.longestCapWindowDays());
            return rows.map(r -> loaded(r, purpose, at, contactIds.size(), rules, now));
        });
    }

    /** The contact's projection row, or its survivor's when it was merged away. */
    private static Uni<RowSet<Row>> oneNow(SqlClient sql, UUID id, String purpose) {
        return sql.preparedQuery(ONE_NOW).execute(Tuple.of(id, purpose)).chain(rows -> {
            UUID root = rows.iterator().next().getUUID("root");
            return root.equals(id) ? Uni.createFrom().item(rows) : sql.preparedQuery(ONE_NOW).execute(Tuple.of(root, purpose));
        });
    }

    /** The cap windows in days a decision now counts touches in: the person's or the default, and the company's longest. */
    private record Windows(int defaultDays, int companyDays) {
    }

    private static Loaded loaded(RowSet<Row> rows, String purpose, Instant at, int size, CompanyRules rules, Windows now) {
        List<DecisionFacts> out = new ArrayList<>(size);
        PurposeInfo info = null;
        Columns c = new Columns(rows.columnsNames());
        for (Row r : rows) {
            String basis = r.getString(c.basis);
            if (basis != null && info == null) {
                info = new PurposeInfo(purpose, LawfulBasis.valueOf(basis));
            }
            out.add(facts(r, c, purpose, at, now));
        }
        return new Loaded(info, out, rules);
    }

    /**
     * Where each column is, found once per result: looking a column up by name hashes the name on every call, which was
     * 18% of a bulk decision's service CPU (35 columns a row; bench/consent/README.md).
     */
    private static final class Columns {
        final int root, known, erased, preferred, quietStart, quietEnd, zone, maxTouches, windowDays, dnc, pausedUntil,
                touchCount, ptId, ptChannel, ptHash, ptProvenance, ptVerified, ptAdded, ptRemoved, ptUndeliverable,
                evId, evPurpose, evKind, evChannel, evPoint, evHash, evOccurred, evExpires, evUntil, tcChannel, tcPurpose,
                tcAt, foFrom, foFromHash, foInto, foIntoHash, foAt, basis;

        Columns(List<String> names) {
            root = names.indexOf("root");
            known = names.indexOf("known");
            erased = names.indexOf("erased");
            preferred = names.indexOf("preferred_channels");
            quietStart = names.indexOf("quiet_start");
            quietEnd = names.indexOf("quiet_end");
            zone = names.indexOf("time_zone");
            maxTouches = names.indexOf("max_touches");
            windowDays = names.indexOf("touch_window_days");
            dnc = names.indexOf("dnc");
            pausedUntil = names.indexOf("paused_until");
            touchCount = names.indexOf("touches");
            ptId = names.indexOf("pt_id");
            ptChannel = names.indexOf("pt_channel");
            ptHash = names.indexOf("pt_hash");
            ptProvenance = names.indexOf("pt_provenance");
            ptVerified = names.indexOf("pt_verified");
            ptAdded = names.indexOf("pt_added");
            ptRemoved = names.indexOf("pt_removed");
            ptUndeliverable = names.indexOf("pt_undeliverable");
            evId = names.indexOf("ev_id");
            evPurpose = names.indexOf("ev_purpose");
            evKind = names.indexOf("ev_kind");
            evChannel = names.indexOf("ev_channel");
            evPoint = names.indexOf("ev_point");
            evHash = names.indexOf("ev_hash");
            evOccurred = names.indexOf("ev_occurred");
            evExpires = names.indexOf("ev_expires");
            evUntil = names.indexOf("ev_until");
            tcChannel = names.indexOf("tc_channel");
            tcPurpose = names.indexOf("tc_purpose");
            tcAt = names.indexOf("tc_at");
            foFrom = names.indexOf("fo_from");
            foFromHash = names.indexOf("fo_from_hash");
            foInto = names.indexOf("fo_into");
            foIntoHash = names.indexOf("fo_into_hash");
            foAt = names.indexOf("fo_at");
            basis = names.indexOf("basis");
        }
    }

    private static DecisionFacts facts(Row r, Columns c, String purpose, Instant at, Windows now) {
        UUID root = r.getUUID(c.root);
        if (!Boolean.TRUE.equals(r.getBoolean(c.known))) {
            return DecisionFacts.unknown(root);
        }
        String[] preferred = r.getArrayOfStrings(c.preferred);
        String zone = r.getString(c.zone);
        OffsetDateTime paused = r.getOffsetDateTime(c.pausedUntil);
        Integer ownWindow = r.getInteger(c.windowDays);
        Policy policy = new Policy(
                preferred == null ? List.of() : Arrays.stream(preferred).map(name -> named(CHANNELS, name)).toList(),
                r.getLocalTime(c.quietStart), r.getLocalTime(c.quietEnd), zone == null ? null : ZoneId.of(zone),
                r.getInteger(c.maxTouches), ownWindow, Boolean.TRUE.equals(r.getBoolean(c.dnc)), instant(paused));
        List<Touch> touches = touches(r, c);
        int inWindow;
        if (now == null) {
            inWindow = r.getLong(c.touchCount).intValue();
        } else {
            inWindow = count(touches, at, ownWindow == null ? now.defaultDays() : ownWindow);
            touches = now.companyDays() > 0 ? within(touches, at, now.companyDays()) : List.of();
        }
        return new DecisionFacts(root, true, Boolean.TRUE.equals(r.getBoolean(c.erased)), points(r, c), events(r, c, purpose, at),
                policy, inWindow, touches, PointFoldQueries.of(r, c.foFrom, c.foFromHash, c.foInto, c.foIntoHash, c.foAt));
    }

    /** Touches in the {@code days} (of 24 hours) up to {@code at}: after its start, not after {@code at}. */
    static int count(List<Touch> touches, Instant at, int days) {
        return within(touches, at, days).size();
    }

    /** The same touches themselves (company caps look at their channel and purpose). */
    static List<Touch> within(List<Touch> touches, Instant at, int days) {
        Instant from = at.minus(Duration.ofHours(24L * days));
        return touches.stream().filter(t -> t.at().isAfter(from) && !t.at().isAfter(at)).toList();
    }

    private static List<Point> points(Row r, Columns c) {
        UUID[] ids = r.getArrayOfUUIDs(c.ptId);
        if (ids == null) {
            return List.of();
        }
        String[] channels = r.getArrayOfStrings(c.ptChannel);
        String[] hashes = r.getArrayOfStrings(c.ptHash);
        String[] provenances = r.getArrayOfStrings(c.ptProvenance);
        OffsetDateTime[] verified = r.getArrayOfOffsetDateTimes(c.ptVerified);
        OffsetDateTime[] added = r.getArrayOfOffsetDateTimes(c.ptAdded);
        OffsetDateTime[] removed = r.getArrayOfOffsetDateTimes(c.ptRemoved);
        OffsetDateTime[] undeliverable = r.getArrayOfOffsetDateTimes(c.ptUndeliverable);
        List<Point> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new Point(ids[i], named(CHANNELS, channels[i]), hashes[i], named(PROVENANCES, provenances[i]),
                    instant(verified[i]), instant(added[i]), instant(removed[i]), instant(undeliverable[i])));
        }
        return out;
    }

    /** The events of the purpose asked about up to {@code at} (the history statement selects only those already). */
    private static List<Event> events(Row r, Columns c, String purpose, Instant at) {
        UUID[] ids = r.getArrayOfUUIDs(c.evId);
        if (ids == null) {
            return List.of();
        }
        String[] purposes = c.evPurpose < 0 ? null : r.getArrayOfStrings(c.evPurpose);
        String[] kinds = r.getArrayOfStrings(c.evKind);
        String[] channels = r.getArrayOfStrings(c.evChannel);
        UUID[] points = r.getArrayOfUUIDs(c.evPoint);
        String[] hashes = r.getArrayOfStrings(c.evHash);
        OffsetDateTime[] occurred = r.getArrayOfOffsetDateTimes(c.evOccurred);
        OffsetDateTime[] expires = r.getArrayOfOffsetDateTimes(c.evExpires);
        OffsetDateTime[] until = r.getArrayOfOffsetDateTimes(c.evUntil);
        List<Event> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (purposes != null && (!purpose.equals(purposes[i]) || occurred[i].toInstant().isAfter(at))) {
                continue;
            }
            out.add(new Event(ids[i], named(KINDS, kinds[i]), channels[i] == null ? null : named(CHANNELS, channels[i]),
                    points[i], hashes[i], instant(occurred[i]), instant(expires[i]), instant(until[i])));
        }
        return out;
    }

    private static List<Touch> touches(Row r, Columns c) {
        String[] channels = r.getArrayOfStrings(c.tcChannel);
        if (channels == null) {
            return List.of();
        }
        String[] purposes = r.getArrayOfStrings(c.tcPurpose);
        OffsetDateTime[] at = r.getArrayOfOffsetDateTimes(c.tcAt);
        List<Touch> out = new ArrayList<>(channels.length);
        for (int i = 0; i < channels.length; i++) {
            out.add(new Touch(channels[i] == null ? null : named(CHANNELS, channels[i]), purposes[i], at[i].toInstant()));
        }
        return out;
    }

    private static final Channel[] CHANNELS = Channel.values();
    private static final Provenance[] PROVENANCES = Provenance.values();
    private static final EventKind[] KINDS = EventKind.values();

    /**
     * The constant of that name. {@code valueOf} hashes the name, and every name a row brings is a new string: 5% of a
     * bulk decision's service samples; a handful of constants compared by {@code equals} costs less.
     */
    static <E extends Enum<E>> E named(E[] constants, String name) {
        for (E e : constants) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("No constant " + name + " in " + constants[0].getDeclaringClass().getSimpleName());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
