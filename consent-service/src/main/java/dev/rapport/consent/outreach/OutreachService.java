package dev.rapport.consent.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.common.Hashing;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.Reason;
import dev.rapport.consent.decision.DecisionRequest;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.consent.webhook.OutreachEventQueries;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Outreach requests: decided and stored in one transaction on the reactive client ({@link OutreachQueries}), because
 * the decision must read through the same connection that holds the per-contact lock (pg_advisory_xact_lock): two
 * requests for one person are decided one after the other, so a frequency cap of 2 lets exactly two through however
 * many arrive at once.
 */
@ApplicationScoped
public class OutreachService {
    @Inject
    OutreachQueries queries;
    @Inject
    DecisionService decisions;
    @Inject
    ObjectMapper json;
    @Inject
    OutreachEventQueries events;

    public Uni<OutreachView> request(OutreachRequest in, String actor, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Uni.createFrom().failure(ProblemException.badField(Idempotency.HEADER, "must be 1 to 200 characters"));
        }
        String requestHash = Hashing.sha256(write(in));
        return queries.inTransaction(conn -> replay(conn, idempotencyKey, requestHash).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(previous);
            }
            return requirePurpose(conn, in.purpose())
                    .chain(() -> queries.survivor(conn, in.contactId()))
                    .chain(contactId -> queries.lockContact(conn, contactId).replaceWith(contactId))
                    .chain(contactId -> decisions.decide(conn, new DecisionRequest(contactId, in.purpose(), in.channel(),
                                    in.contactPointId(), null))
                            .chain(d -> insert(conn, contactId, in, d, actor)))
                    .call(created -> events.decided(conn, created.id()))
                    .call(created -> idempotencyKey == null ? Uni.createFrom().voidItem()
                            : queries.remember(conn, idempotencyKey, requestHash, write(created)));
        }));
    }

    /** The answer to an earlier request with this key (a retry), or null; the key used for another request is a 422. */
    private Uni<OutreachView> replay(SqlConnection conn, String key, String requestHash) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return queries.remembered(conn, key).map(previous -> {
            if (previous == null) {
                return null;
            }
            if (!previous.requestHash().equals(requestHash)) {
                throw ProblemException.rule("idempotency-key-reused", "This Idempotency-Key was already used for a different request");
            }
            return previous.response();
        });
    }

    private Uni<Void> requirePurpose(SqlConnection conn, String purpose) {
        return queries.purposeExists(conn, purpose).map(exists -> {
            if (!exists) {
                throw new ProblemException(422, "unknown-purpose", "Rule violated", "purpose: " + purpose + " is not defined",
                        List.of(new Problem.FieldError("purpose", "is not a defined purpose")));
            }
            return null;
        });
    }

    private Uni<OutreachView> insert(SqlConnection conn, UUID contactId, OutreachRequest in, Decision d, String actor) {
        OutreachView created = new OutreachView(Ids.newId(), contactId, in.purpose(), campaignOf(in), payloadOf(in), statusOf(d),
                d.channel(), d.contactPointId(), d, actor, Instant.now().truncatedTo(ChronoUnit.MICROS), 0, null, null);
        return queries.insert(conn, created, in, d.evidenceEventId(), utc(d.notBefore()), TraceContext.current())
                .replaceWith(created);
    }

    public Uni<OutreachView> get(UUID id) {
        return queries.get(id).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("Outreach request", id);
            }
            return found;
        });
    }

    /** Keyset page over requests, newest first (ids are time-ordered), filtered by contact, campaign and status. */
    public Uni<List<OutreachView>> list(UUID contactId, String campaign, OutreachStatus status, UUID after, int limit) {
        return queries.list(contactId, campaign, status, after, limit + 1);
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
}
