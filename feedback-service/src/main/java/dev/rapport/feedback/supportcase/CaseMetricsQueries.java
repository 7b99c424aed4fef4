package dev.rapport.feedback.supportcase;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Percentiles and rates over a period: one SQL aggregate with the reactive client instead of loading every case (the
 * percentiles are PostgreSQL's {@code percentile_cont}; Hibernate would have to load each case to compute them).
 */
@ApplicationScoped
public class CaseMetricsQueries {
    private static final String SQL = """
            select count(*) as opened,
                   count(*) filter (where status = 'CONFIRMED') as confirmed,
                   count(*) filter (where status = 'RESOLVED') as awaiting,
                   count(*) filter (where status = 'OPEN') as open,
                   percentile_cont(0.5) within group (order by extract(epoch from resolved_at - opened_at))
                       filter (where status = 'CONFIRMED') as median_secs,
                   percentile_cont(0.9) within group (order by extract(epoch from resolved_at - opened_at))
                       filter (where status = 'CONFIRMED') as p90_secs,
                   count(*) filter (where reopen_count > 0) as reopened,
                   count(*) filter (where exists (select 1 from case_events e where e.case_id = c.id and e.type = 'RESOLVED')) as ever_resolved,
                   count(*) filter (where status = 'CONFIRMED' and resolved_on_first_contact and reopen_count = 0) as fcr
              from cases c
             where opened_at >= $1 and opened_at < $2
            """;

    @Inject
    Pool pool;

    public Uni<CaseMetrics> metrics(Instant from, Instant to) {
        return pool.preparedQuery(SQL).execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))).map(rows -> {
            Row r = rows.iterator().next();
            long opened = r.getLong("opened");
            long confirmed = r.getLong("confirmed");
            long fcr = r.getLong("fcr");
            return new CaseMetrics(from, to, opened, confirmed, ratio(confirmed, opened), r.getLong("awaiting"), r.getLong("open"),
                    hours(r.getDouble("median_secs")), hours(r.getDouble("p90_secs")),
                    ratio(r.getLong("reopened"), r.getLong("ever_resolved")), ratio(fcr, opened), fcr);
        });
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal hours(Double seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds / 3600.0).setScale(2, RoundingMode.HALF_UP);
    }
}
