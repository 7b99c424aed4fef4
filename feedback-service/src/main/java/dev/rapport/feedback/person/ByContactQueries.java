package dev.rapport.feedback.person;

import dev.rapport.feedback.followup.Answer;
import dev.rapport.feedback.followup.FollowUpView;
import dev.rapport.feedback.invitation.InvitationQueries;
import dev.rapport.feedback.invitation.InvitationView;
import dev.rapport.feedback.rating.RatingView;
import dev.rapport.feedback.rating.SubjectType;
import dev.rapport.feedback.response.Bucket;
import dev.rapport.feedback.response.ResponseView;
import dev.rapport.feedback.supportcase.CaseChannel;
import dev.rapport.feedback.supportcase.CaseStatus;
import dev.rapport.feedback.supportcase.CaseView;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Keyset;
import dev.rapport.platform.paging.PerContact;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What feedback-service holds per person, for many people at once: each read is one statement (a window per contact
 * where the list is capped), grouped per id in the order asked.
 */
@ApplicationScoped
public class ByContactQueries {
    @Inject
    Pool pool;

    public Uni<List<PerContact<CaseView>>> cases(List<UUID> ids, CaseStatus status, String cursor, int limit) {
        Keyset after = Keyset.of(cursor);
        return paged(ids, """
                select * from (select c.*, row_number() over (partition by c.contact_id order by c.opened_at desc, c.id desc) as rn
                               from cases c where c.contact_id = any($1) and ($2::text is null or c.status = $2)
                                 and ($4::timestamptz is null or (c.opened_at, c.id) < ($4, $5))) ranked
                where rn <= $3 order by contact_id, opened_at desc, id desc""",
                Tuple.from(new Object[] {ids(ids), status == null ? null : status.name(), limit + 1, after.at(), after.id()}),
                ByContactQueries::caseView, CaseView::contactId, limit, v -> Keyset.encode(v.openedAt(), v.id()));
    }

    /** Ordered by id (time-ordered), so the cursor is the last id read. */
    public Uni<List<PerContact<InvitationView>>> invitations(List<UUID> ids, String cursor, int limit) {
        return paged(ids, """
                select * from (select i.id, i.consultation_id, c.title, i.contact_id, i.segment, i.segment_ref, i.segment_id, i.segment_version, i.responded,
                                      i.created_at, m.id as message_id, m.status, m.reasons, m.outreach_request_id,
                                      m.decided_at, m.attempts,
                                      row_number() over (partition by i.contact_id order by i.id desc) as rn
                               from invitations i join consultations c on c.id = i.consultation_id
                               left join outreach_messages m on m.subject_id = i.id and m.kind = 'invitation'
                               where i.contact_id = any($1) and ($3::uuid is null or i.id < $3)) ranked
                where rn <= $2 order by contact_id, id desc""",
                Tuple.of(ids(ids), limit + 1, Keyset.idOf(cursor)), InvitationQueries::view, InvitationView::contactId, limit,
                v -> Cursor.encode(v.id()));
    }

    /** Follow-ups asked of an anonymous respondent only with {@code withAnonymous} (the person reading their own). */
    public Uni<List<PerContact<FollowUpView>>> followUps(List<UUID> ids, boolean unansweredOnly, boolean withAnonymous,
            String cursor, int limit) {
        Keyset after = Keyset.of(cursor);
        return paged(ids, """
                select * from (select f.*, row_number() over (partition by f.contact_id order by f.asked_at desc, f.id desc) as rn
                               from follow_ups f where f.contact_id = any($1) and (not $2 or f.answer is null) and ($3 or not f.anonymous)
                                 and ($5::timestamptz is null or (f.asked_at, f.id) < ($5, $6))) ranked
                where rn <= $4 order by contact_id, asked_at desc, id desc""",
                Tuple.from(new Object[] {ids(ids), unansweredOnly, withAnonymous, limit + 1, after.at(), after.id()}),
                ByContactQueries::followUpView, FollowUpView::contactId, limit, v -> Keyset.encode(v.askedAt(), v.id()));
    }

    public Uni<List<PerContact<RatingView>>> ratings(List<UUID> ids, String cursor, int limit) {
        Keyset after = Keyset.of(cursor);
        return paged(ids, """
                select * from (select r.*, row_number() over (partition by r.contact_id order by r.rated_at desc, r.id desc) as rn
                               from ratings r where r.contact_id = any($1)
                                 and ($3::timestamptz is null or (r.rated_at, r.id) < ($3, $4))) ranked
                where rn <= $2 order by contact_id, rated_at desc, id desc""",
                Tuple.of(ids(ids), limit + 1, after.at(), after.id()), ByContactQueries::ratingView, RatingView::contactId, limit,
                v -> Keyset.encode(v.ratedAt(), v.id()));
    }

    /** Named responses only: an anonymous one is never linked back to a person. */
    public Uni<List<PerContact<ResponseView>>> responses(List<UUID> ids, String cursor, int limit) {
        Keyset after = Keyset.of(cursor);
        return paged(ids, """
                select r.id, r.consultation_id, r.contact_id, r.submitted_at,
                       coalesce(json_agg(json_build_object('initiativeId', rr.initiative_id, 'bucket', rr.bucket,
                                                           'comment', rr.comment) order by rr.initiative_id)
                                filter (where rr.response_id is not null), '[]') as ratings
                from (select * from (select r.*, row_number() over (partition by r.contact_id
                                                                     order by r.submitted_at desc, r.id desc) as rn
                                     from responses r where r.contact_id = any($1) and not r.anonymous
                                       and ($3::timestamptz is null or (r.submitted_at, r.id) < ($3, $4))) x
                      where rn <= $2) r
                left join response_ratings rr on rr.response_id = r.id
                group by r.id, r.consultation_id, r.contact_id, r.submitted_at
                order by r.contact_id, r.submitted_at desc, r.id desc""",
                Tuple.of(ids(ids), limit + 1, after.at(), after.id()), ByContactQueries::responseView, ResponseView::contactId,
                limit, v -> Keyset.encode(v.submittedAt(), v.id()));
    }

    /** Per programme and period the person is in: the latest score (its tier) and the outcome, if recorded. */
    public Uni<List<PerContact<RenewalScoreView>>> renewalScores(List<UUID> ids) {
        return grouped(ids, """
                select distinct on (m.contact_id, m.programme_id, s.period)
                       m.contact_id, m.programme_id, p.name, s.period, s.score, s.scored_at, s.source, o.outcome
                from programme_members m
                join programmes p on p.id = m.programme_id
                join propensity_scores s on s.member_id = m.id
                left join renewal_outcomes o on o.member_id = m.id and o.period = s.period
                where m.contact_id = any($1)
                order by m.contact_id, m.programme_id, s.period desc, s.scored_at desc, s.id desc""",
                Tuple.of(ids(ids)), r -> new RenewalScoreView(r.getUUID("contact_id"), r.getUUID("programme_id"),
                        r.getString("name"), r.getString("period"), r.getInteger("score"), instant(r, "scored_at"),
                        r.getString("source"), r.getString("outcome")), RenewalScoreView::contactId);
    }

    private <T> Uni<List<PerContact<T>>> grouped(List<UUID> ids, String sql, Tuple params, Function<Row, T> view,
            Function<T, UUID> contactOf) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<T> views = new ArrayList<>();
            rows.forEach(r -> views.add(view.apply(r)));
            return PerContact.group(ids, views, contactOf);
        });
    }

    /** {@link #grouped} for a window of {@code limit + 1} rows per contact: each gets its cursors and its next page's. */
    private <T> Uni<List<PerContact<T>>> paged(List<UUID> ids, String sql, Tuple params, Function<Row, T> view,
            Function<T, UUID> contactOf, int limit, Function<T, String> cursorOf) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<T> views = new ArrayList<>();
            rows.forEach(r -> views.add(view.apply(r)));
            return PerContact.paged(ids, views, limit, contactOf, cursorOf);
        });
    }

    private static UUID[] ids(List<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    public static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static CaseView caseView(Row r) {
        return new CaseView(r.getUUID("id"), r.getUUID("contact_id"), r.getString("problem"),
                CaseChannel.valueOf(r.getString("channel")), instant(r, "opened_at"), r.getString("assignee"),
                CaseStatus.valueOf(r.getString("status")), instant(r, "resolved_at"), r.getBoolean("resolved_on_first_contact"),
                instant(r, "confirmed_at"), r.getInteger("reopen_count"), r.getLong("version"), null);
    }

    static FollowUpView followUpView(Row r) {
        String answer = r.getString("answer");
        return new FollowUpView(r.getUUID("id"), r.getUUID("consultation_id"), r.getUUID("initiative_id"),
                r.getUUID("action_id"), r.getUUID("thread_id"), r.getUUID("contact_id"), instant(r, "asked_at"),
                answer == null ? null : Answer.valueOf(answer), r.getString("why"), instant(r, "answered_at"));
    }

    static RatingView ratingView(Row r) {
        return new RatingView(r.getUUID("id"), SubjectType.valueOf(r.getString("subject_type")), r.getString("subject_id"),
                r.getString("staff"), r.getString("touchpoint"), r.getInteger("stars"), r.getString("comment"),
                r.getUUID("contact_id"), instant(r, "rated_at"));
    }

    static ResponseView responseView(Row r) {
        List<ResponseView.RatingView> ratings = new ArrayList<>();
        Object raw = r.getValue("ratings");
        JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
        for (Object o : array) {
            JsonObject j = (JsonObject) o;
            ratings.add(new ResponseView.RatingView(UUID.fromString(j.getString("initiativeId")),
                    Bucket.ofWeight(j.getInteger("bucket")), j.getString("comment")));
        }
        return new ResponseView(r.getUUID("id"), r.getUUID("consultation_id"), false, r.getUUID("contact_id"),
                instant(r, "submitted_at"), ratings);
    }
}
