package dev.rapport.feedback.rating;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The ratings report: averages and distributions in one grouped statement ({@code rollup} gives the overall row). */
@ApplicationScoped
public class RatingQueries {
    @Inject
    Pool pool;

    /** Grouped by {@code staff} or otherwise by touchpoint; {@code subjectType} null for every kind. */
    public Uni<RatingReport> report(String by, Instant from, Instant to, SubjectType subjectType) {
        String column = by.equals("staff") ? "staff" : "touchpoint";
        String sql = "select " + column + " as key, grouping(" + column + ") as total, count(*) as n, avg(stars) as average, "
                + "count(*) filter (where stars = 1) as s1, count(*) filter (where stars = 2) as s2, "
                + "count(*) filter (where stars = 3) as s3, count(*) filter (where stars = 4) as s4, "
                + "count(*) filter (where stars = 5) as s5 from ratings where rated_at >= $1 and rated_at < $2 "
                + "and ($3::text is null or subject_type = $3) group by rollup (" + column + ") order by 2 desc, 1 nulls last";
        return pool.preparedQuery(sql).execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                subjectType == null ? null : subjectType.name())).map(rows -> {
                    RatingReport.Group overall = new RatingReport.Group(null, 0, null, List.of(0L, 0L, 0L, 0L, 0L));
                    List<RatingReport.Group> groups = new ArrayList<>();
                    for (Row row : rows) {
                        RatingReport.Group g = group(row);
                        if (row.getInteger("total") == 1) {
                            overall = g;
                        } else {
                            groups.add(g);
                        }
                    }
                    return new RatingReport(from, to, by, overall, groups);
                });
    }

    private static RatingReport.Group group(Row row) {
        return new RatingReport.Group(row.getString("key"), row.getLong("n"),
                row.getBigDecimal("average") == null ? null : row.getBigDecimal("average").setScale(2, RoundingMode.HALF_UP),
                Arrays.asList(row.getLong("s1"), row.getLong("s2"), row.getLong("s3"), row.getLong("s4"), row.getLong("s5")));
    }
}
