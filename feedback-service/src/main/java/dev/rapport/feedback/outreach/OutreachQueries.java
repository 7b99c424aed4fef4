package dev.rapport.feedback.outreach;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The outreach ledger's SQL ({@code outreach_messages}) on the reactive client: sending runs concurrently and outside
 * any request, where a Hibernate Reactive session (one operation at a time) cannot be shared. Messages are written
 * through Hibernate ({@link Outreach#record}) in their feature's transaction; claiming, recording the outcome and the
 * delivery counts are here, each one statement.
 */
@ApplicationScoped
public class OutreachQueries {
    @Inject
    Pool pool;

    /** A message claimed for sending: what to ask consent-service, under which key, since when. */
    record Claimed(UUID id, int attempts, OutreachRequest request, String requestKey, boolean waitingToBeKnown,
            Instant createdAt) {
    }

    /** Up to 500 messages due again: not queued, with attempts left (or waiting for consent-service to know the person). */
    Uni<List<UUID>> due(int maxAttempts) {
        return pool.preparedQuery("select id from outreach_messages where next_attempt_at <= now() "
                        + "and status <> 'QUEUED' and (attempts < $1 or $2 = any(reasons)) order by next_attempt_at limit 500")
                .execute(Tuple.of(maxAttempts, Outreach.NOT_YET_KNOWN))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    /**
     * Marks the rows as being sent (attempts + 1) and pushes their next attempt into the future by the backoff
     * ({@code initialBackoff} doubled per attempt, at most {@code maxBackoff}), so that a crash mid-send is retried
     * later, not lost. Rows already decided are skipped.
     */
    Uni<List<Claimed>> claim(List<UUID> ids, Duration initialBackoff, Duration maxBackoff) {
        return pool.preparedQuery("update outreach_messages set attempts = attempts + 1, "
                        + "next_attempt_at = now() + make_interval(secs => least($2 * power(2, attempts), $3)) "
                        + "where id = any($1) and status <> 'QUEUED' and (status = 'PENDING' or next_attempt_at is not null) "
                        + "returning id, contact_id, purpose, channel, campaign, payload_ref, attempts, reasons, request_key, created_at")
                .execute(Tuple.of(ids.toArray(new UUID[0]), (double) initialBackoff.toSeconds(), (double) maxBackoff.toSeconds()))
                .map(rows -> {
                    List<Claimed> out = new ArrayList<>();
                    for (Row r : rows) {
                        String key = r.getString("request_key");
                        out.add(new Claimed(r.getUUID("id"), r.getInteger("attempts"), new OutreachRequest(r.getUUID("contact_id"),
                                r.getString("purpose"), r.getString("channel"), null, r.getString("campaign"),
                                r.getString("payload_ref")), key == null ? r.getUUID("id").toString() : key,
                                List.of(r.getArrayOfStrings("reasons")).contains(Outreach.NOT_YET_KNOWN),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return out;
                });
    }

    /** Records consent-service's answer; {@code retry} keeps the message due for another attempt. Never undoes QUEUED. */
    Uni<Void> store(UUID id, String status, List<String> reasons, UUID requestId, boolean retry) {
        String sql = "update outreach_messages set status = $2, reasons = $3, outreach_request_id = $4, decided_at = $5"
                + (retry ? "" : ", next_attempt_at = null") + " where id = $1 and status <> 'QUEUED'";
        return pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(id, status, reasons.toArray(new String[0]),
                        requestId == null ? (Object) null : requestId, OffsetDateTime.now(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** PENDING with reason not-yet-known, asked again after {@code interval}; the next request goes under this key. */
    Uni<Void> waitToBeKnown(UUID id, String requestKey, Duration interval) {
        return pool.preparedQuery("update outreach_messages set status = 'PENDING', reasons = $2, request_key = $3, "
                        + "next_attempt_at = now() + make_interval(secs => $4) where id = $1 and status <> 'QUEUED'")
                .execute(Tuple.of(id, new String[] {Outreach.NOT_YET_KNOWN}, requestKey, (double) interval.toSeconds()))
                .replaceWithVoid();
    }

    /** Whether the message of this kind about {@code subjectId} to this person was queued for delivery. */
    public Uni<Boolean> queuedTo(MessageKind kind, UUID subjectId, UUID contactId) {
        return pool.preparedQuery("select 1 from outreach_messages where kind = $3 and subject_id = $1 "
                        + "and contact_id = $2 and status = 'QUEUED'").execute(Tuple.of(subjectId, contactId, kind.code))
                .map(rows -> rows.size() > 0);
    }

    /** Where the messages of this kind about {@code subjectId} stand now, counted by status and denial reason. */
    public Uni<DispatchSummary> delivery(MessageKind kind, UUID subjectId) {
        return pool.preparedQuery("select status, reasons, count(*) as n from outreach_messages where kind = $2 "
                        + "and subject_id = $1 group by status, reasons").execute(Tuple.of(subjectId, kind.code)).map(rows -> {
                    int queued = 0;
                    int denied = 0;
                    int pending = 0;
                    Map<String, Integer> by = new TreeMap<>();
                    for (Row r : rows) {
                        int n = r.getLong("n").intValue();
                        switch (r.getString("status")) {
                            case "QUEUED" -> queued += n;
                            case "DENIED" -> {
                                denied += n;
                                for (String reason : r.getArrayOfStrings("reasons")) {
                                    by.merge(reason, n, Integer::sum);
                                }
                            }
                            default -> pending += n;
                        }
                    }
                    return new DispatchSummary(queued + denied + pending, queued, denied, pending, by);
                });
    }
}
