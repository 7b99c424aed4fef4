package dev.rapport.feedback.loop;

import dev.rapport.feedback.consultation.Initiative;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loop metrics are aggregates (percentiles, per-respondent "every initiative answered") over ratings, follow-ups and
 * the outreach ledger: two statements in PostgreSQL with the reactive SQL client rather than loading entities.
 * "Answered" means consent-service accepted the notice (QUEUED); a denied notice did not reach the person.
 */
@ApplicationScoped
public class LoopMetricsQueries {
    private static final String SUMMARY = """
            with pairs as (
                select rr.response_id, rr.initiative_id, r.submitted_at,
                       (select min(m.decided_at) from follow_ups f
                          join outreach_messages m on m.subject_id = f.id and m.kind = 'action-notice' and m.status = 'QUEUED'
                         where f.response_id = rr.response_id and f.initiative_id = rr.initiative_id and not f.asked_in_thread) as answered_at
                  from response_ratings rr join responses r on r.id = rr.response_id
                 where rr.consultation_id = $1),
            per_response as (select response_id, bool_and(answered_at is not null) as all_answered from pairs group by response_id)
            select (select count(*) from responses where consultation_id = $1) as respondents,
                   (select count(*) from responses where consultation_id = $1
                       and (contact_id is not null or reply_contact_id is not null)) as reachable,
                   (select count(*) from per_response where all_answered) as answered,
                   (select percentile_cont(0.5) within group (order by extract(epoch from answered_at - submitted_at))
                      from pairs where answered_at is not null) as median_secs,
                   (select percentile_cont(0.9) within group (order by extract(epoch from answered_at - submitted_at))
                      from pairs where answered_at is not null) as p90_secs,
                   (select count(*) from threads where consultation_id = $1 and status = 'OPEN') as open_threads,
                   (select count(*) from threads where consultation_id = $1 and status = 'ANSWERED') as answered_threads,
                   (select count(*) from threads where consultation_id = $1 and status = 'CLOSED') as closed_threads
            """;
    private static final String AGREEMENT = """
            with latest as (
                select distinct on (initiative_id, contact_id) initiative_id, contact_id, answer
                  from follow_ups where consultation_id = $1 and answer is not null
                 order by initiative_id, contact_id, answered_at desc, id desc)
            select i.id,
                   count(f.id) as asked,
                   count(f.id) filter (where f.answer = 'YES') as yes,
                   count(f.id) filter (where f.answer = 'PARTLY') as partly,
                   count(f.id) filter (where f.answer = 'NO') as no,
                   (select count(*) from latest l where l.initiative_id = i.id) as people_answered,
                   (select count(*) from latest l where l.initiative_id = i.id and l.answer = 'YES') as people_yes,
                   (select count(*) from threads t where t.initiative_id = i.id and t.status = 'OPEN') as open_threads
              from initiatives i left join follow_ups f on f.initiative_id = i.id and not f.asked_in_thread
             where i.consultation_id = $1
             group by i.id
            """;

    @Inject
    Pool pool;

    /** The metrics of a consultation, with a row for each of its initiatives ({@code list}, in order). */
    Uni<LoopMetrics> metrics(UUID consultationId, List<Initiative> list) {
        return pool.preparedQuery(SUMMARY).execute(Tuple.of(consultationId))
                .chain(summary -> pool.preparedQuery(AGREEMENT).execute(Tuple.of(consultationId)).map(agreement -> {
                    Row s = summary.iterator().next();
                    Map<UUID, Row> byInitiative = new HashMap<>();
                    agreement.forEach(r -> byInitiative.put(r.getUUID("id"), r));
                    List<InitiativeAgreement> rows = new ArrayList<>();
                    for (Initiative i : list) {
                        Row r = byInitiative.get(i.id);
                        long yes = r.getLong("yes");
                        long partly = r.getLong("partly");
                        long no = r.getLong("no");
                        rows.add(new InitiativeAgreement(i.id, i.position, i.title, r.getLong("asked"), yes, partly, no,
                                ratio(yes, yes + partly + no), ratio(r.getLong("people_yes"), r.getLong("people_answered")),
                                r.getLong("open_threads")));
                    }
                    long respondents = s.getLong("respondents");
                    long reachable = s.getLong("reachable");
                    long answered = s.getLong("answered");
                    return new LoopMetrics(consultationId, respondents, reachable, answered, ratio(answered, respondents),
                            ratio(answered, reachable), hours(s.getDouble("median_secs")), hours(s.getDouble("p90_secs")),
                            s.getLong("open_threads"), s.getLong("answered_threads"), s.getLong("closed_threads"), rows);
                }));
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(Double seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds / 3600.0).setScale(4, RoundingMode.HALF_UP);
    }
}
