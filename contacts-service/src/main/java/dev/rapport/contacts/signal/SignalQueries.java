package dev.rapport.contacts.signal;

import dev.rapport.contacts.value.ValueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The signal rules as one SQL common table expression {@code due_signals(contact_id, kind, since, facts, tiebreak)},
 * only signals not acknowledged since they arose. Thresholds are inlined as numeric literals from typed
 * configuration (never from requests), so the fragment can be reused by the signal list and contact search.
 */
@ApplicationScoped
public class SignalQueries {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

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
}
