package dev.rapport.consent.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.Hashing;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.Reason;
import dev.rapport.consent.decision.DecisionRequest;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.consent.webhook.OutreachEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Outreach requests: decided and stored in one transaction on the reactive client, because the decision must read
 * through the same connection that holds the per-contact lock (pg_advisory_xact_lock): two requests for one person
 * are decided one after the other, so a frequency cap of 2 lets exactly two through however many arrive at once.
 */
@ApplicationScoped
public class OutreachService {
    static final String COLUMNS = "id, contact_id, purpose, campaign, payload_ref, status, channel, contact_point_id, decision, "
            + "requested_by, created_at, attempts, acknowledged_at, outcome_detail";

    @Inject
    Pool pool;
    @Inject
    DecisionService decisions;
    @Inject
    ObjectMapper json;
    @Inject
    OutreachEvents events;

    public Uni<OutreachView> request(OutreachRequest in, String actor, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Uni.createFrom().failure(ProblemException.badField(Idempotency.HEADER, "must be 1 to 200 characters"));
        }
        String requestHash = Hashing.sha256(write(in));
        return pool.withTransaction(conn -> replay(conn, idempotencyKey, requestHash).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(previous);
            }
            return requirePurpose(conn, in.purpose())
                    .chain(() -> survivor(conn, in.contactId()))
                    .chain(contactId -> lockContact(conn, contactId).replaceWith(contactId))
                    .chain(contactId -> decisions.decide(conn, new DecisionRequest(contactId, in.purpose(), in.channel(),
                                    in.contactPointId(), null))
                            .chain(d -> insert(conn, contactId, in, d, actor)))
                    .call(created -> events.decided(conn, created.id()))
                    .call(created -> remember(conn, idempotencyKey, requestHash, created));
        }));
    }

    private Uni<OutreachView> replay(SqlConnection conn, String key, String requestHash) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        String id = "outreach:" + key;
        // The lock makes a concurrent duplicate wait for the first, then replay its answer.
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(id))
                .chain(() -> conn.preparedQuery("select request_hash, response from idempotency_keys where id = $1").execute(Tuple.of(id)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    if (!r.getString("request_hash").equals(requestHash)) {
                        throw ProblemException.rule("idempotency-key-reused", "This Idempotency-Key was already used for a different request");
                    }
                    return read(r.getString("response"), OutreachView.class);
                });
    }

    private Uni<Void> remember(SqlConnection conn, String key, String requestHash, OutreachView created) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into idempotency_keys (id, request_hash, response, created_at) values ($1, $2, $3, now())")
                .execute(Tuple.of("outreach:" + key, requestHash, write(created))).replaceWithVoid();
    }

    static Uni<Void> requirePurpose(SqlConnection conn, String purpose) {
        return conn.preparedQuery("select 1 from purposes where code = $1").execute(Tuple.of(purpose)).map(rows -> {
            if (rows.size() == 0) {
                throw new ProblemException(422, "unknown-purpose", "Rule violated", "purpose: " + purpose + " is not defined",
                        List.of(new Problem.FieldError("purpose", "is not a defined purpose")));
            }
            return null;
        });
    }

    static Uni<UUID> survivor(SqlConnection conn, UUID contactId) {
        return conn.preparedQuery("select survivor_id from contact_merges where merged_contact_id = $1").execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? contactId : rows.iterator().next().getUUID("survivor_id"));
    }

    static Uni<Void> lockContact(SqlConnection conn, UUID contactId) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of("outreach:" + contactId))
                .replaceWithVoid();
    }

    private Uni<OutreachView> insert(SqlConnection conn, UUID contactId, OutreachRequest in, Decision d, String actor) {
        UUID id = Ids.newId();
        OutreachStatus status = statusOf(d);
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Tuple t = Tuple.from(java.util.Arrays.asList(id, contactId, in.purpose(), nameOf(in.channel()), in.contactPointId(), campaignOf(in),
                payloadOf(in), status.name(), nameOf(d.channel()), d.contactPointId(), d.evidenceEventId(), write(d), actor,
                createdAt.atOffset(ZoneOffset.UTC), utc(d.notBefore()), TraceContext.current()));
        return conn.preparedQuery("insert into outreach (id, contact_id, purpose, requested_channel, requested_point_id, campaign, "
                        + "payload_ref, status, channel, contact_point_id, evidence_event_id, decision, requested_by, created_at, "
                        + "not_before, traceparent) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
                .execute(t).map(x -> new OutreachView(id, contactId, in.purpose(), campaignOf(in), payloadOf(in), status, d.channel(),
                        d.contactPointId(), d, actor, createdAt, 0, null, null));
    }

    public Uni<OutreachView> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from outreach where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Outreach request", id);
            }
            return view(rows.iterator().next());
        });
    }

    /** Keyset page over requests, newest first (ids are time-ordered), filtered by contact, campaign and status. */
    public Uni<List<OutreachView>> list(UUID contactId, String campaign, OutreachStatus status, UUID after, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from outreach where ($1::uuid is null or contact_id = $1) "
                        + "and ($2::text is null or campaign = $2) and ($3::text is null or status = $3) "
                        + "and ($4::uuid is null or id < $4) order by id desc limit $5")
                .execute(Tuple.of(contactId, campaign, status == null ? null : status.name(), after, limit + 1))
                .map(rows -> {
                    List<OutreachView> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    OutreachView view(Row r) {
        String channel = r.getString("channel");
        return new OutreachView(r.getUUID("id"), r.getUUID("contact_id"), r.getString("purpose"), r.getString("campaign"),
                r.getString("payload_ref"), OutreachStatus.valueOf(r.getString("status")),
                channel == null ? null : Channel.valueOf(channel), r.getUUID("contact_point_id"),
                read(r.getString("decision"), Decision.class), r.getString("requested_by"),
                r.getOffsetDateTime("created_at").toInstant(), r.getInteger("attempts"),
                r.getOffsetDateTime("acknowledged_at") == null ? null : r.getOffsetDateTime("acknowledged_at").toInstant(),
                r.getString("outcome_detail"));
    }

    /**
     * Allowed ones are queued; deferred by quiet hours or quiet dates alone (the person's or the company's), queued too,
     * invisible until their notBefore. A person's pause ("not now, until …") denies: a message asked for now is not kept
     * for months and sent when it has gone stale.
     */
    static OutreachStatus statusOf(Decision d) {
        return d.allowed() || d.deferred() && d.reasons().stream().allMatch(r -> Reason.WAITS_IN_QUEUE.contains(r.code()))
                ? OutreachStatus.QUEUED : OutreachStatus.DENIED;
    }

    static java.time.OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static String nameOf(Channel c) {
        return c == null ? null : c.name();
    }

    static String campaignOf(OutreachRequest in) {
        return in.campaign() == null || in.campaign().isBlank() ? null : in.campaign().strip();
    }

    static String payloadOf(OutreachRequest in) {
        return in.payloadRef() == null || in.payloadRef().isBlank() ? null : in.payloadRef().strip();
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON not readable", e);
        }
    }
}
