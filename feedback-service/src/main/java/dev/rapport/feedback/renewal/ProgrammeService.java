package dev.rapport.feedback.renewal;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Members, scores and outcomes are written set-based with the reactive SQL client (unnest of arrays, one statement
 * per table) inside one transaction: an import of tens of thousands of members would otherwise be as many entity
 * inserts. The whole import commits or nothing does.
 */
@ApplicationScoped
public class ProgrammeService {
    static final String PERIOD = "^[A-Za-z0-9][A-Za-z0-9/_.-]{0,31}$";

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
    ProgrammeRepository programmes;
    @Inject
    Pool pool;

    @WithTransaction
    public Uni<ProgrammeView> create(NewProgramme in, String actor) {
        Programme p = new Programme();
        p.id = Ids.newId();
        p.name = in.name().strip();
        p.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        p.createdBy = actor;
        p.createdAt = Instant.now();
        return programmes.persist(p).map(ProgrammeView::from);
    }

    @WithSession
    public Uni<ProgrammeView> get(UUID id) {
        return programmes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Programme", id))
                .map(ProgrammeView::from);
    }

    public Uni<ImportResult> importMembers(UUID programmeId, MemberImport in, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < in.rows().size(); i++) {
            MemberRow r = in.rows().get(i);
            if (!seen.add(r.contactId())) {
                errors.add(new Problem.FieldError("rows[" + i + "].contactId", "appears more than once in this import"));
            }
            if (r.score() != null && blank(r.scoredBy()) == null && blank(in.scoredBy()) == null) {
                errors.add(new Problem.FieldError("rows[" + i + "].scoredBy", "is required for a score (or give the import's scoredBy)"));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(400, "invalid-request", "Invalid request",
                    errors.size() + " row(s) are not valid; nothing was imported", errors.subList(0, Math.min(100, errors.size()))));
        }
        return get(programmeId).chain(p -> pool.withTransaction(conn -> write(conn, p.id(), in, actor, "IMPORT", null)));
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
            refs[i] = blank(in.rows().get(i).externalRef());
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
                    scorers.add(blank(r.scoredBy()) != null ? blank(r.scoredBy()) : blank(in.scoredBy()));
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

    /** One score from the API (source API, who/what scored it); the member is added to the programme if needed. */
    public Uni<ImportResult> score(UUID programmeId, NewScore in, String actor) {
        MemberImport one = new MemberImport(in.period(), blank(in.scoredBy()) == null ? actor : in.scoredBy().strip(),
                List.of(new MemberRow(in.contactId(), null, in.score(), null, null)));
        return get(programmeId).chain(p -> pool.withTransaction(conn -> write(conn, p.id(), one, actor, "API", blank(in.note()))));
    }

    /** Records (or corrects) a member's outcome for a period; 422 if they are not a member. */
    public Uni<Void> outcome(UUID programmeId, NewOutcome in, String actor) {
        return get(programmeId).chain(p -> pool.preparedQuery("insert into renewal_outcomes (member_id, period, outcome, recorded_at, "
                        + "recorded_by) select id, $3, $4, $5, $6 from programme_members where programme_id = $1 and contact_id = $2 "
                        + "on conflict (member_id, period) do update set outcome = excluded.outcome, recorded_at = excluded.recorded_at, "
                        + "recorded_by = excluded.recorded_by")
                .execute(Tuple.from(Arrays.asList(p.id(), in.contactId(), in.period(), in.outcome().name(),
                        OffsetDateTime.now(ZoneOffset.UTC), actor)))
                .chain(r -> r.rowCount() == 1 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new ProblemException(422, "not-a-member", "Rule violated",
                                "Contact " + in.contactId() + " is not a member of this programme",
                                List.of(new Problem.FieldError("contactId", "is not a member of this programme"))))));
    }

    public Uni<RenewalReport> report(UUID programmeId, String period) {
        return get(programmeId).chain(p -> pool.preparedQuery(REPORT).execute(Tuple.of(p.id(), period)).chain(rows ->
                pool.preparedQuery("select count(*) as n from programme_members m where m.programme_id = $1 and not exists "
                                + "(select 1 from propensity_scores s where s.member_id = m.id and s.period = $2)")
                        .execute(Tuple.of(p.id(), period)).map(unscored -> {
                            List<RenewalTiers.Counts> counted = new ArrayList<>();
                            for (Row r : rows) {
                                counted.add(new RenewalTiers.Counts(r.getInteger("score"), r.getLong("members"),
                                        r.getLong("early"), r.getLong("renewed"), r.getLong("lapsed"), r.getLong("undecided")));
                            }
                            return RenewalTiers.report(p.id(), period, counted, unscored.iterator().next().getLong("n"));
                        })));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
