package dev.rapport.feedback.renewal;

import dev.rapport.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A programme's members, scores and outcomes on the reactive SQL client. They are written set-based (unnest of arrays,
 * one statement per table) inside one transaction: an import of tens of thousands of members would otherwise be as many
 * entity inserts. The whole import commits or nothing does. The tier report is one grouped statement.
 */
@ApplicationScoped
public class ProgrammeMemberQueries {
    private static final String UPSERT_MEMBERS = """
            insert into programme_members (id, programme_id, contact_id, external_ref, joined_at)
            select u.id, $1, u.contact_id, u.ref, $5 from unnest($2::uuid[], $3::uuid[], $4::text[]) as u(id, contact_id, ref)
            on conflict (programme_id, contact_id)
            do update set external_ref = coalesce(excluded.external_ref, programme_members.external_ref)
            returning id, contact_id, (xmax = 0) as inserted
            """;
    // a score identical to the member's latest for the period (same value, same scorer) is not appended again
    private static final String INSERT_SCORES = """
            insert into propensity_scores (id, member_id, period, score, scored_by, source, scored_at, note)
            select u.id, u.member_id, $3, u.score::smallint, u.scored_by, $6, $4, $7
              from unnest($1::uuid[], $2::uuid[], $5::int[], $8::text[]) as u(id, member_id, score, scored_by)
             where not exists (select 1 from (select p.score, p.scored_by from propensity_scores p
                                               where p.member_id = u.member_id and p.period = $3
                                               order by p.scored_at desc, p.id desc limit 1) latest
                                where latest.score = u.score and latest.scored_by = u.scored_by)
            """;
    private static final String UPSERT_OUTCOMES = """
            insert into renewal_outcomes (member_id, period, outcome, recorded_at, recorded_by)
            select u.member_id, $2, u.outcome, $3, $4 from unnest($1::uuid[], $5::text[]) as u(member_id, outcome)
            on conflict (member_id, period) do update set outcome = excluded.outcome, recorded_at = excluded.recorded_at,
                recorded_by = excluded.recorded_by
             where renewal_outcomes.outcome <> excluded.outcome
            """;
    private static final String REPORT = """
            with latest as (
                select distinct on (s.member_id) s.member_id, s.score
                  from propensity_scores s join programme_members m on m.id = s.member_id
                 where m.programme_id = $1 and s.period = $2
                 order by s.member_id, s.scored_at desc, s.id desc)
            select l.score, count(*) as members,
                   count(*) filter (where o.outcome = 'RENEWED_EARLY') as early,
                   count(*) filter (where o.outcome = 'RENEWED') as renewed,
                   count(*) filter (where o.outcome = 'LAPSED') as lapsed,
                   count(*) filter (where o.outcome is null) as undecided
              from latest l left join renewal_outcomes o on o.member_id = l.member_id and o.period = $2
             group by l.score order by l.score
            """;

    @Inject
    Pool pool;

    /** Adds the import's members, appends their scores and records their outcomes, in one transaction. */
    Uni<ImportResult> write(UUID programmeId, MemberImport in, String actor, String source, String note) {
        return pool.withTransaction(conn -> write(conn, programmeId, in, actor, source, note));
    }

    private Uni<ImportResult> write(SqlConnection conn, UUID programmeId, MemberImport in, String actor, String source,
            String note) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = in.rows().size();
        UUID[] ids = new UUID[n];
        UUID[] contacts = new UUID[n];
        String[] refs = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Ids.newId();
            contacts[i] = in.rows().get(i).contactId();
            refs[i] = ProgrammeService.blank(in.rows().get(i).externalRef());
        }
        return conn.preparedQuery(UPSERT_MEMBERS).execute(Tuple.of(programmeId, ids, contacts, refs, now)).chain(rows -> {
            Map<UUID, UUID> memberOf = new HashMap<>();
            int added = 0;
            for (Row r : rows) {
                memberOf.put(r.getUUID("contact_id"), r.getUUID("id"));
                added += r.getBoolean("inserted") ? 1 : 0;
            }
            int membersAdded = added;
            List<UUID> scoreIds = new ArrayList<>();
            List<UUID> scoreMembers = new ArrayList<>();
            List<Integer> scores = new ArrayList<>();
            List<String> scorers = new ArrayList<>();
            List<UUID> outcomeMembers = new ArrayList<>();
            List<String> outcomes = new ArrayList<>();
            for (MemberRow r : in.rows()) {
                UUID member = memberOf.get(r.contactId());
                if (r.score() != null) {
                    scoreIds.add(Ids.newId());
                    scoreMembers.add(member);
                    scores.add(r.score().intValueExact());
                    scorers.add(ProgrammeService.blank(r.scoredBy()) != null ? ProgrammeService.blank(r.scoredBy()) : ProgrammeService.blank(in.scoredBy()));
                }
                if (r.outcome() != null) {
                    outcomeMembers.add(member);
                    outcomes.add(r.outcome().name());
                }
            }
            return conn.preparedQuery(INSERT_SCORES).execute(Tuple.from(Arrays.asList(scoreIds.toArray(new UUID[0]),
                            scoreMembers.toArray(new UUID[0]), in.period(), now, scores.toArray(new Integer[0]), source, note,
                            scorers.toArray(new String[0]))))
                    .chain(s -> conn.preparedQuery(UPSERT_OUTCOMES).execute(Tuple.from(Arrays.asList(
                                    outcomeMembers.toArray(new UUID[0]), in.period(), now, actor, outcomes.toArray(new String[0]))))
                            .map(o -> new ImportResult(in.period(), n, membersAdded, s.rowCount(), o.rowCount())));
        });
    }

    /** Records (or corrects) a member's outcome for a period; false when the contact is not a member. */
    Uni<Boolean> outcome(UUID programmeId, NewOutcome in, String actor) {
        return pool.preparedQuery("insert into renewal_outcomes (member_id, period, outcome, recorded_at, "
                        + "recorded_by) select id, $3, $4, $5, $6 from programme_members where programme_id = $1 and contact_id = $2 "
                        + "on conflict (member_id, period) do update set outcome = excluded.outcome, recorded_at = excluded.recorded_at, "
                        + "recorded_by = excluded.recorded_by")
                .execute(Tuple.from(Arrays.asList(programmeId, in.contactId(), in.period(), in.outcome().name(),
                        OffsetDateTime.now(ZoneOffset.UTC), actor)))
                .map(r -> r.rowCount() == 1);
    }

    /** The period's members counted per score with their outcomes, and the members without a score for it. */
    Uni<RenewalReport> report(UUID programmeId, String period) {
        return pool.preparedQuery(REPORT).execute(Tuple.of(programmeId, period)).chain(rows ->
                pool.preparedQuery("select count(*) as n from programme_members m where m.programme_id = $1 and not exists "
                                + "(select 1 from propensity_scores s where s.member_id = m.id and s.period = $2)")
                        .execute(Tuple.of(programmeId, period)).map(unscored -> {
                            List<RenewalTiers.Counts> counted = new ArrayList<>();
                            for (Row r : rows) {
                                counted.add(new RenewalTiers.Counts(r.getInteger("score"), r.getLong("members"),
                                        r.getLong("early"), r.getLong("renewed"), r.getLong("lapsed"), r.getLong("undecided")));
                            }
                            return RenewalTiers.report(programmeId, period, counted, unscored.iterator().next().getLong("n"));
                        }));
    }
}
