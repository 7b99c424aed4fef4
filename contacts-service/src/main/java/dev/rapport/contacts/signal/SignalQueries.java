package dev.rapport.contacts.signal;

import dev.rapport.contacts.value.ValueConfig;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The signal rules as one SQL common table expression {@code due_signals(contact_id, kind, since, facts, tiebreak)},
 * only signals not acknowledged since they arose. Thresholds are inlined as numeric literals from typed
 * configuration (never from requests), so the fragment can be reused by the signal list and contact search.
 * The signal list, the signals of many contacts, the per-owner summary and acknowledgements read it here; signals are
 * evaluated when asked, from the timeline and follow-ups, so they are never stale.
 * {@link SignalRules} states the same rules for one contact in plain Java; {@code SignalRulesAgreeTest} runs this SQL
 * over seeded rows and checks it answers what they do: change both together.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: the rules are one common table expression with window
 * and aggregate filters over the timeline and follow-ups, reused as a fragment by contact search; HQL cannot express
 * it. No benchmark figure.
 */
@ApplicationScoped
public class SignalQueries {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    @Inject
    Pool pool;
    @Inject
    SignalConfig config;
    @Inject
    ValueConfig value;

    public String cte() {
        String currency = value.currency();
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalStateException("rapport.value.currency must be an ISO 4217 code");
        }
        String cur = "'" + currency + "'";
        String spend = config.spendThreshold().amount().toPlainString();
        int minPurchases = config.overdueBuyer().minPurchases();
        String tolerance = String.format(Locale.ROOT, "%.4f", config.overdueBuyer().tolerance());
        int opens = config.disengaging().opensWithoutClick();
        int silent = config.disengaging().silentDays();
        String thankSpend = config.notThanked().minLifetimeSpend().toPlainString();
        int thankDays = config.notThanked().days();
        return """
                raw_signals as (
                  select x.contact_id, 'SPEND_THRESHOLD' as kind, min(x.occurred_at) as since,
                         jsonb_build_object('threshold', %2$s, 'currency', %1$s,
                                            'lifetimeSpend', max(v.lifetime_spend)) as facts, '' as tiebreak
                  from (select contact_id, occurred_at,
                               sum(case when type = 'PURCHASE' then amount else -amount end)
                                 over (partition by contact_id order by occurred_at, id) as running
                        from interactions where type in ('PURCHASE', 'REFUND') and currency = %1$s) x
                  join contact_values v on v.contact_id = x.contact_id and v.currency = %1$s and v.lifetime_spend >= %2$s
                  where x.running >= %2$s
                  group by x.contact_id
                  union all
                  select contact_id, 'OVERDUE_BUYER',
                         last_purchase_at + make_interval(secs => (usual_interval_days * %4$s * 86400)::double precision),
                         jsonb_build_object('lastPurchaseAt', last_purchase_at, 'usualIntervalDays', usual_interval_days,
                                            'purchaseCount', purchase_count,
                                            'daysSinceLastPurchase', floor(extract(epoch from now() - last_purchase_at) / 86400)),
                         ''
                  from contact_values
                  where currency = %1$s and purchase_count >= %3$s and usual_interval_days > 0
                    and now() > last_purchase_at + make_interval(secs => (usual_interval_days * %4$s * 86400)::double precision)
                  union all
                  select e.contact_id, 'DISENGAGING', last_any.at + make_interval(days => %6$s),
                         jsonb_build_object('recentEmailOpens', e.opens, 'recentEmailClicks', 0,
                                            'lastInteractionAt', last_any.at, 'silentDays', %6$s),
                         ''
                  from (select contact_id, count(*) filter (where type = 'EMAIL_OPEN') as opens,
                               count(*) filter (where type = 'EMAIL_CLICK') as clicks, count(*) as n
                        from (select contact_id, type,
                                     row_number() over (partition by contact_id order by occurred_at desc, id desc) as rn
                              from interactions where type in ('EMAIL_OPEN', 'EMAIL_CLICK')) r
                        where rn <= %5$s group by contact_id) e
                  join (select contact_id, max(occurred_at) as at from interactions group by contact_id) last_any
                    on last_any.contact_id = e.contact_id
                  where e.n = %5$s and e.clicks = 0 and last_any.at < now() - make_interval(days => %6$s)
                  union all
                  select contact_id, 'FOLLOW_UP_DUE', due_on::timestamp at time zone 'UTC',
                         jsonb_build_object('followUpId', id, 'topic', topic, 'dueOn', due_on, 'note', note,
                                            'statedBy', stated_by),
                         id::text
                  from follow_ups where completed_at is null and due_on <= (now() at time zone 'UTC')::date
                  union all
                  select v.contact_id, 'NOT_THANKED', coalesce(t.at, v.first_purchase_at) + make_interval(days => %8$s),
                         jsonb_build_object('lifetimeSpend', v.lifetime_spend, 'currency', v.currency,
                                            'lastThankedOrAskedAt', t.at, 'days', %8$s),
                         ''
                  from contact_values v
                  left join (select contact_id, max(occurred_at) as at from interactions
                             where type in ('THANK_YOU', 'FEEDBACK_REQUEST') group by contact_id) t
                    on t.contact_id = v.contact_id
                  where v.currency = %1$s and v.lifetime_spend >= %7$s
                    and coalesce(t.at, v.first_purchase_at) < now() - make_interval(days => %8$s)
                ),
                due_signals as (
                  select s.* from raw_signals s
                  left join signal_acknowledgements a on a.contact_id = s.contact_id and a.kind = s.kind
                  where a.acknowledged_at is null or a.acknowledged_at < s.since
                )""".formatted(cur, spend, minPurchases, tolerance, opens, silent, thankSpend, thankDays);
    }

    public record OwnerSummary(String owner, SignalKind kind, long count) {
    }

    public Uni<Page<SignalView>> due(String owner, SignalKind kind, UUID contactId, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 5);
        Tuple params = Tuple.tuple();
        params.addValue(owner).addValue(kind == null ? null : kind.name()).addValue(contactId);
        String keyset = "";
        if (!after.isEmpty()) {
            try {
                params.addValue(after.get(0)).addValue(OffsetDateTime.parse(after.get(1)))
                        .addValue(UUID.fromString(after.get(2))).addValue(after.get(3)).addValue(after.get(4));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
            keyset = " and (coalesce(c.owner, ''), s.since, s.contact_id, s.kind, s.tiebreak) > ($4, $5, $6, $7, $8)";
        }
        params.addValue(limit + 1);
        int limitParam = params.size();
        String sql = "with " + cte() + """
                select s.contact_id, s.kind, s.since, s.facts, s.tiebreak, c.display_name, c.owner
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                where ($1::text is null or c.owner = $1) and ($2::text is null or s.kind = $2)
                  and ($3::uuid is null or s.contact_id = $3)""" + keyset + """
                 order by coalesce(c.owner, ''), s.since, s.contact_id, s.kind, s.tiebreak limit $""" + limitParam;
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return Page.of(list, limit, SignalQueries::view, r -> Cursor.encode(
                    r.getString("owner") == null ? "" : r.getString("owner"),
                    r.getOffsetDateTime("since").withOffsetSameInstant(ZoneOffset.UTC), r.getUUID("contact_id"),
                    r.getString("kind"), r.getString("tiebreak")));
        });
    }

    /** The signals due for each contact asked, in one query; grouped per id in the order asked. */
    public Uni<List<PerContact<SignalView>>> dueFor(List<UUID> contactIds) {
        String sql = "with " + cte() + """
                select s.contact_id, s.kind, s.since, s.facts, s.tiebreak, c.display_name, c.owner
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                where s.contact_id = any($1)
                order by s.contact_id, s.since, s.kind, s.tiebreak""";
        return pool.preparedQuery(sql).execute(Tuple.of(contactIds.toArray(UUID[]::new))).map(rows -> {
            List<SignalView> views = new ArrayList<>();
            rows.forEach(r -> views.add(view(r)));
            return PerContact.group(contactIds, views, SignalView::contactId);
        });
    }

    public Uni<List<OwnerSummary>> summary() {
        return pool.query("with " + cte() + """
                select c.owner, s.kind, count(*) as n
                from due_signals s join contacts c on c.id = s.contact_id and c.merged_into is null and c.erased_at is null
                group by c.owner, s.kind order by c.owner nulls last, s.kind""").execute().map(rows -> {
            List<OwnerSummary> out = new ArrayList<>();
            rows.forEach(r -> out.add(new OwnerSummary(r.getString("owner"), SignalKind.valueOf(r.getString("kind")),
                    r.getLong("n"))));
            return out;
        });
    }

    /** Quietens a signal until its facts change after now (a new crossing, a new due date, a new purchase). */
    public Uni<Void> acknowledge(UUID contactId, SignalKind kind, String by) {
        return pool.preparedQuery("""
                insert into signal_acknowledgements (contact_id, kind, acknowledged_at, acknowledged_by)
                values ($1, $2, now(), $3)
                on conflict (contact_id, kind) do update set acknowledged_at = now(), acknowledged_by = $3""")
                .execute(Tuple.of(contactId, kind.name(), by)).replaceWithVoid();
    }

    private static SignalView view(Row r) {
        JsonObject facts = r.getJsonObject("facts");
        return new SignalView(r.getUUID("contact_id"), r.getString("display_name"), r.getString("owner"),
                SignalKind.valueOf(r.getString("kind")), r.getOffsetDateTime("since").toInstant(),
                facts == null ? java.util.Map.of() : facts.getMap());
    }
}
