package dev.rapport.feedback.greeting;

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
import java.util.ArrayList;
import java.util.List;

/** The greetings report: shares per touchpoint with an overall row, in one grouped statement ({@code rollup}). */
@ApplicationScoped
public class GreetingQueries {
    private static final String REPORT = "select touchpoint, grouping(touchpoint) as total, count(*) as visitors, "
            + "count(*) filter (where greeted) as greeted, count(*) filter (where offered_help) as offered, "
            + "count(*) filter (where result = 'ASKED') as asked "
            + "from greetings where occurred_at >= $1 and occurred_at < $2 group by rollup (touchpoint) order by 2 desc, 1";

    @Inject
    Pool pool;

    public Uni<GreetingReport> report(Instant from, Instant to) {
        return pool.preparedQuery(REPORT).execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))).map(rows -> {
            GreetingReport.Row overall = row(null, 0, 0, 0, 0);
            List<GreetingReport.Row> out = new ArrayList<>();
            for (Row r : rows) {
                GreetingReport.Row x = row(r.getString("touchpoint"), r.getLong("visitors"), r.getLong("greeted"),
                        r.getLong("offered"), r.getLong("asked"));
                if (r.getInteger("total") == 1) {
                    overall = x;
                } else {
                    out.add(x);
                }
            }
            return new GreetingReport(from, to, overall, out);
        });
    }

    private static GreetingReport.Row row(String touchpoint, long visitors, long greeted, long offered, long asked) {
        return new GreetingReport.Row(touchpoint, visitors, greeted, offered, asked, ratio(greeted, visitors),
                ratio(asked, visitors), ratio(asked, offered));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
