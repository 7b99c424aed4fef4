package dev.rapport.contacts.value;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer value and lead score, in SQL: they aggregate over the timeline, which is where the data is. The
 * contact_values table is written here only ({@link #recompute}).
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: the recompute is one set-based insert with a window
 * function and {@code percentile_cont … within group}, which HQL cannot express, and it runs on the caller's
 * connection inside ingest and merge transactions. No benchmark figure: bench/gateway's list view reads value
 * ({@code GET /values?contactIds=}) but no run isolates these statements or compares them with Hibernate.
 */
@ApplicationScoped
public class ValueQueries {
    @Inject
    Pool pool;
    @Inject
    ValueConfig config;
    @Inject
    LeadScoreConfig leadScoreConfig;

    /**
     * Recomputes stored value rows from the timeline, inside the caller's transaction. The contact rows are
     * locked first so concurrent ingests for one contact serialise and the last one sees every purchase.
     */
    public Uni<Void> recompute(SqlClient conn, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = contactIds.stream().sorted().toArray(UUID[]::new);
        return conn.preparedQuery("select id from contacts where id = any($1) order by id for no key update")
                .execute(Tuple.of(ids))
                .chain(() -> conn.preparedQuery("delete from contact_values where contact_id = any($1)").execute(Tuple.of(ids)))
                .chain(() -> conn.preparedQuery("""
                        insert into contact_values (contact_id, currency, lifetime_spend, purchase_count,
                                                    first_purchase_at, last_purchase_at, usual_interval_days)
                        select s.contact_id, s.currency, s.spend, s.purchases, s.first_at, s.last_at, g.median_gap
                        from (select contact_id, currency,
                                     sum(case when type = 'PURCHASE' then amount else -amount end) as spend,
                                     count(*) filter (where type = 'PURCHASE') as purchases,
                                     min(occurred_at) filter (where type = 'PURCHASE') as first_at,
                                     max(occurred_at) filter (where type = 'PURCHASE') as last_at
                              from interactions
                              where contact_id = any($1) and type in ('PURCHASE', 'REFUND')
                              group by contact_id, currency) s
                        left join (select contact_id, currency,
                                          (percentile_cont(0.5) within group (order by gap))::numeric(10, 2) as median_gap
                                   from (select contact_id, currency,
                                                extract(epoch from occurred_at - lag(occurred_at)
                                                    over (partition by contact_id, currency order by occurred_at)) / 86400.0 as gap
                                         from interactions
                                         where contact_id = any($1) and type = 'PURCHASE') gaps
                                   where gap is not null
                                   group by contact_id, currency) g
                               on g.contact_id = s.contact_id and g.currency = s.currency""").execute(Tuple.of(ids)))
                .replaceWithVoid();
    }

    public Uni<List<ValueView>> valuesOf(Collection<UUID> contactIds) {
        UUID[] ids = contactIds.toArray(UUID[]::new);
        return pool.preparedQuery("""
                select v.*, coalesce(t.spend, 0) as trailing
                from contact_values v
                left join (select contact_id, currency,
                                  sum(case when type = 'PURCHASE' then amount else -amount end) as spend
                           from interactions
                           where contact_id = any($1) and type in ('PURCHASE', 'REFUND')
                             and occurred_at > now() - interval '12 months'
                           group by contact_id, currency) t
                       on t.contact_id = v.contact_id and t.currency = v.currency
                where v.contact_id = any($1)
                order by v.contact_id, v.lifetime_spend desc""").execute(Tuple.of(ids)).map(rows -> {
            Map<UUID, List<ValueView.CurrencyValue>> per = new LinkedHashMap<>();
            for (UUID id : contactIds) {
                per.put(id, new ArrayList<>());
            }
            for (Row r : rows) {
                per.computeIfAbsent(r.getUUID("contact_id"), k -> new ArrayList<>()).add(new ValueView.CurrencyValue(
                        r.getString("currency"), money(r.getBigDecimal("lifetime_spend")), money(r.getBigDecimal("trailing")),
                        r.getInteger("purchase_count"), r.getBigDecimal("usual_interval_days"),
                        instant(r.getOffsetDateTime("first_purchase_at")), instant(r.getOffsetDateTime("last_purchase_at"))));
            }
            List<ValueView> out = new ArrayList<>();
            String base = config.currency();
            per.forEach((id, list) -> {
                ValueView.CurrencyValue headline = list.stream().filter(c -> c.currency().equals(base)).findFirst()
                        .orElse(new ValueView.CurrencyValue(base, money(BigDecimal.ZERO), money(BigDecimal.ZERO), 0, null, null, null));
                out.add(new ValueView(id, base, headline.lifetimeSpend(), headline.trailing12MonthSpend(),
                        headline.purchaseCount(), headline.usualIntervalDays(), headline.firstPurchaseAt(),
                        headline.lastPurchaseAt(), list));
            });
            return out;
        });
    }

    public Uni<LeadScoreView> leadScore(UUID contactId) {
        return leadScores(List.of(contactId)).map(l -> l.get(0));
    }

    /** Lead scores of many contacts in one query; in the order asked, a score of 0 for a contact without behaviour. */
    public Uni<List<LeadScoreView>> leadScores(List<UUID> contactIds) {
        double halfLife = leadScoreConfig.halfLifeDays();
        return pool.preparedQuery("""
                select contact_id, type, count(*) as n,
                       sum(power(0.5, greatest(extract(epoch from now() - occurred_at), 0) / 86400.0 / $2)) as decayed
                from interactions where contact_id = any($1) group by contact_id, type order by contact_id, type""")
                .execute(Tuple.of(contactIds.toArray(UUID[]::new), halfLife)).map(rows -> {
                    Map<String, Double> weights = new HashMap<>(leadScoreConfig.weights());
                    Map<UUID, List<LeadScoreView.Contribution>> parts = new LinkedHashMap<>();
                    contactIds.forEach(id -> parts.put(id, new ArrayList<>()));
                    for (Row r : rows) {
                        String key = r.getString("type").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                        double w = weights.getOrDefault(key, 0.0);
                        parts.get(r.getUUID("contact_id")).add(new LeadScoreView.Contribution(r.getString("type"),
                                r.getLong("n"), w, round(w * r.getDouble("decayed"))));
                    }
                    Instant now = Instant.now();
                    List<LeadScoreView> out = new ArrayList<>(parts.size());
                    parts.forEach((id, list) -> out.add(new LeadScoreView(id,
                            round(list.stream().mapToDouble(LeadScoreView.Contribution::points).sum()), now, halfLife, list)));
                    return out;
                });
    }

    private static double round(double d) {
        return Math.round(d * 100.0) / 100.0;
    }

    private static BigDecimal money(BigDecimal b) {
        return b == null ? null : b.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
