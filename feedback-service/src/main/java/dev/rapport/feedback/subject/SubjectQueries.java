package dev.rapport.feedback.subject;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.json.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of data-subject rights: the parts of an export without a typed view, and every statement of an erasure, run
 * in one transaction on the reactive client (one statement per table, whatever the person holds).
 */
@ApplicationScoped
public class SubjectQueries {
    static final String ERASED = "[erased]";

    @Inject
    Pool pool;
    @Inject
    StoredJson stored;

    /** The parts without a typed view, each as a JSON array, in one statement. */
    Uni<Row> raw(UUID contactId, boolean withAnonymous) {
        return pool.preparedQuery("""
                select
                  (select coalesce(json_agg(json_build_object('caseId', e.case_id, 'at', e.at, 'type', e.type,
                                   'status', e.status, 'actor', e.actor, 'note', e.note) order by e.at, e.id), '[]')
                   from case_events e join cases c on c.id = e.case_id where c.contact_id = $1)::text as case_history,
                  (select coalesce(json_agg(json_build_object('id', t.id, 'consultationId', t.consultation_id,
                                   'initiativeId', t.initiative_id, 'status', t.status, 'openedAt', t.opened_at,
                                   'reopenCount', t.reopen_count, 'messages',
                                   (select coalesce(json_agg(json_build_object('author', m.author, 'fromStaff', m.from_staff,
                                                    'body', m.body, 'answer', m.answer, 'createdAt', m.created_at) order by m.created_at, m.id), '[]')
                                    from thread_messages m where m.thread_id = t.id)) order by t.opened_at, t.id), '[]')
                   from threads t where t.contact_id = $1 and ($2 or not t.anonymous))::text as threads,
                  (select coalesce(json_agg(json_build_object('id', g.id, 'touchpoint', g.touchpoint, 'staff', g.staff,
                                   'occurredAt', g.occurred_at, 'greeted', g.greeted, 'offeredHelp', g.offered_help,
                                   'result', g.result, 'request', g.request, 'caseId', g.case_id) order by g.occurred_at, g.id), '[]')
                   from greetings g where g.contact_id = $1)::text as greetings,
                  (select coalesce(json_agg(json_build_object('programmeId', m.programme_id, 'programmeName', p.name,
                                   'externalRef', m.external_ref, 'joinedAt', m.joined_at) order by m.joined_at, m.id), '[]')
                   from programme_members m join programmes p on p.id = m.programme_id where m.contact_id = $1)::text as memberships,
                  (select coalesce(json_agg(json_build_object('kind', o.kind, 'purpose', o.purpose, 'channel', o.channel,
                                   'campaign', o.campaign, 'status', o.status, 'reasons', o.reasons, 'createdAt', o.created_at,
                                   'decidedAt', o.decided_at) order by o.created_at, o.id), '[]')
                   from outreach_messages o where o.contact_id = $1 and ($2 or not exists (select 1 from follow_ups f
                                                    where f.id = o.subject_id and f.anonymous)))::text as messages,
                  (select erased_at from erasures where contact_id = $1) as erased_at""")
                .execute(Tuple.of(contactId, withAnonymous)).map(rows -> rows.iterator().next());
    }

    /**
     * The erasure {@link SubjectService#erase} describes, in one transaction under a per-person advisory lock; erasing
     * again answers the stored report.
     */
    Uni<ErasureReport> erase(UUID contactId, String actor) {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1::text))")
                .execute(Tuple.of(contactId.toString()))
                .chain(() -> conn.preparedQuery("select report from erasures where contact_id = $1").execute(Tuple.of(contactId)))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(stored.read(rows.iterator().next().getString("report"), ErasureReport.class))
                        : eraseNow(conn, contactId, actor)));
    }

    private Uni<ErasureReport> eraseNow(SqlConnection conn, UUID contactId, String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        UUID pseudonym = Ids.newId();
        Tuple person = Tuple.of(contactId);
        Tuple unlinked = Tuple.of(contactId, pseudonym);
        Tuple unlinkedText = Tuple.of(contactId, pseudonym, ERASED);
        int[] n = new int[10];
        List<Step> steps = List.of(
                new Step(0, """
                        with erased_events as (
                          update case_events set note = null
                          where case_id in (select id from cases where contact_id = $1) returning 1)
                        update cases set problem = $3, contact_id = $2 where contact_id = $1""", unlinkedText),
                new Step(1, "update invitations set contact_id = $2, segment_ref = null where contact_id = $1", unlinked),
                new Step(2, """
                        with erased_comments as (
                          update response_ratings set comment = null
                          where response_id in (select id from responses where contact_id = $1) returning 1)
                        update responses set contact_id = null, anonymous = true where contact_id = $1""", person),
                new Step(-1, "update responses set reply_contact_id = null where reply_contact_id = $1", person),
                new Step(3, """
                        update follow_ups set contact_id = $2, why = case when why is null then null else $3 end
                        where contact_id = $1""", unlinkedText),
                new Step(5, """
                        update thread_messages set body = $2, author = case when from_staff then author else $2 end
                        where thread_id in (select id from threads where contact_id = $1)""", Tuple.of(contactId, ERASED)),
                new Step(4, "update threads set contact_id = $2 where contact_id = $1", unlinked),
                new Step(6, "update ratings set contact_id = null, comment = null where contact_id = $1", person),
                new Step(7, "update greetings set contact_id = null, request = null where contact_id = $1", person),
                new Step(8, "update programme_members set contact_id = $2, external_ref = null where contact_id = $1", unlinked),
                new Step(9, "delete from outreach_messages where contact_id = $1 and status = 'PENDING'", person),
                new Step(-1, "update outreach_messages set contact_id = $2 where contact_id = $1", unlinked),
                new Step(-1, "delete from idempotency_keys where response like $1", Tuple.of("%" + contactId + "%")));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Step step : steps) {
            chain = chain.chain(() -> conn.preparedQuery(step.sql()).execute(step.params())).invoke(rows -> {
                if (step.counter() >= 0) {
                    n[step.counter()] = rows.rowCount();
                }
            }).replaceWithVoid();
        }
        return chain.map(x -> new ErasureReport(contactId, now.toInstant(), actor, n[0], n[1], n[2], n[3], n[4], n[5],
                        n[6], n[7], n[8], n[9]))
                .call(report -> conn.preparedQuery(
                        "insert into erasures (contact_id, erased_at, erased_by, report) values ($1, $2, $3, $4)")
                        .execute(Tuple.of(contactId, now, actor, stored.write(report))));
    }

    /** One statement of an erasure; its row count goes to the report at {@code counter} (none when negative). */
    private record Step(int counter, String sql, Tuple params) {
    }
}
