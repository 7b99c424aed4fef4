package dev.rapport.consent.outreach;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.DecisionEngine;
import dev.rapport.consent.decision.DecisionFacts;
import dev.rapport.consent.decision.DecisionLoader;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.consent.decision.Reason;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The delivery queue. Pulling leases rows with {@code for update skip locked}, so concurrent consumers never get the
 * same message; a lease that is not acknowledged in time makes the message visible again. Before a pulled message is
 * handed out, the person's consent is checked again: a withdrawal since the request turns it into DENIED, quiet hours
 * put it back until they end. A message deferred by quiet hours when requested is invisible until its notBefore. A
 * bounce marks the contact point undeliverable, so decisions stop choosing it. Reactive client directly: this is a
 * hot path polled by every integration.
 */
@ApplicationScoped
public class QueueService {
    static final Set<String> IGNORED_ON_RECHECK = Set.of(Reason.FREQUENCY_CAP, Reason.COMPANY_CHANNEL_CAP,
            Reason.COMPANY_PURPOSE_CAP);

    @Inject
    Pool pool;
    @Inject
    DecisionLoader loader;
    @Inject
    DecisionService decisions;
    @Inject
    ConsentConfig config;
    @Inject
    AcknowledgementService acknowledgements;

    public Uni<List<Delivery>> pull(PullRequest in) {
        int max = in == null || in.max() == null ? 50 : in.max();
        long visibility = in == null || in.visibilitySeconds() == null ? config.queue().visibilityTimeout().toSeconds()
                : in.visibilitySeconds();
        String channel = in == null || in.channel() == null ? null : in.channel().name();
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        with next as (
                          select id from outreach
                          where status in ('QUEUED', 'LEASED') and (status = 'QUEUED' or lease_until < now())
                            and ($1::text is null or channel = $1) and (not_before is null or not_before <= now())
                          order by id
                          limit $2
                          for update skip locked),
                        leased as (
                          update outreach o set status = 'LEASED', lease_id = gen_random_uuid(),
                                 lease_until = now() + make_interval(secs => $3), attempts = o.attempts + 1
                          from next where o.id = next.id
                          returning o.id, o.contact_id, o.purpose, o.channel, o.contact_point_id, o.campaign, o.payload_ref,
                                    o.evidence_event_id, o.lease_id, o.lease_until, o.attempts, o.traceparent)
                        select l.*, e.kind as ev_kind, e.occurred_at as ev_occurred_at, e.source as ev_source,
                               e.lawful_basis as ev_lawful_basis
                        from leased l left join consent_events e on e.id = l.evidence_event_id
                        """).execute(Tuple.of(channel, max, (double) visibility))
                .chain(rows -> {
                    List<Delivery> leased = new ArrayList<>();
                    for (Row r : rows) {
                        leased.add(delivery(r));
                    }
                    leased.sort(Comparator.comparing(Delivery::id));
                    return recheck(conn, leased);
                }));
    }

    private static Delivery delivery(Row r) {
        UUID evidenceId = r.getUUID("evidence_event_id");
        Delivery.Evidence evidence = evidenceId == null || r.getString("ev_kind") == null ? null
                : new Delivery.Evidence(evidenceId, r.getString("ev_kind"), r.getOffsetDateTime("ev_occurred_at").toInstant(),
                        r.getString("ev_source"), r.getString("ev_lawful_basis"));
        return new Delivery(r.getUUID("id"), r.getUUID("contact_id"), r.getString("purpose"),
                Channel.valueOf(r.getString("channel")), r.getUUID("contact_point_id"), r.getString("campaign"),
                r.getString("payload_ref"), evidenceId, evidence, r.getUUID("lease_id"),
                r.getOffsetDateTime("lease_until").toInstant(), r.getInteger("attempts"), r.getString("traceparent"));
    }

    /** Decides each leased message again as of now; hands out only those still allowed. */
    private Uni<List<Delivery>> recheck(SqlConnection conn, List<Delivery> leased) {
        if (leased.isEmpty()) {
            return Uni.createFrom().item(leased);
        }
        Map<String, List<Delivery>> byPurpose = leased.stream()
                .collect(Collectors.groupingBy(Delivery::purpose, LinkedHashMap::new, Collectors.toList()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Uni<List<Delivery>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Map.Entry<String, List<Delivery>> group : byPurpose.entrySet()) {
            List<Delivery> items = group.getValue();
            chain = chain.chain(kept -> loader.load(conn, items.stream().map(Delivery::contactId).toList(), group.getKey(), now,
                            false, decisions.defaults().windowDays())
                    .chain(loaded -> {
                        Uni<Void> updates = Uni.createFrom().voidItem();
                        for (int i = 0; i < items.size(); i++) {
                            Delivery d = items.get(i);
                            DecisionFacts f = loaded.facts().get(i);
                            Decision again = DecisionEngine.decide(f, loaded.purpose(), d.channel(), d.contactPointId(), now,
                                    decisions.defaults(), loaded.rules());
                            List<Reason> reasons = again.reasons().stream()
                                    .filter(r -> !IGNORED_ON_RECHECK.contains(r.code())).toList();
                            if (reasons.isEmpty()) {
                                kept.add(d);
                            } else if (reasons.stream().allMatch(r -> Reason.WAITS_IN_QUEUE.contains(r.code()))) {
                                Instant until = again.notBefore() != null ? again.notBefore()
                                        : DecisionEngine.notBefore(now, f.policy(), loaded.rules(), d.purpose(), d.channel());
                                updates = updates.chain(() -> holdBack(conn, d.id(), until));
                            } else {
                                String detail = "Re-checked before delivery: " + reasons.stream()
                                        .map(r -> r.code() + " (" + r.detail() + ")").collect(Collectors.joining("; "));
                                updates = updates.chain(() -> deny(conn, d.id(), detail));
                            }
                        }
                        return updates.replaceWith(kept);
                    }));
        }
        return chain;
    }

    /** Back in the queue, invisible until the person's quiet hours are over. */
    private static Uni<Void> holdBack(SqlConnection conn, UUID id, Instant until) {
        return conn.preparedQuery("update outreach set status = 'QUEUED', lease_id = null, lease_until = null, not_before = $2, "
                        + "attempts = attempts - 1 where id = $1")
                .execute(Tuple.of(id, until.atOffset(java.time.ZoneOffset.UTC))).replaceWithVoid();
    }

    private static Uni<Void> deny(SqlConnection conn, UUID id, String detail) {
        return conn.preparedQuery("update outreach set status = 'DENIED', lease_id = null, lease_until = null, "
                        + "acknowledged_at = now(), outcome_detail = $2 where id = $1")
                .execute(Tuple.of(id, detail)).replaceWithVoid();
    }

    /**
     * Records the outcome of a pulled message. The lease must be the current one: a consumer whose lease ran out and
     * whose message went to another consumer gets 409. Repeating the same acknowledgement is harmless.
     */
    public Uni<Void> acknowledge(UUID id, Acknowledgement ack) {
        return acknowledgements.record(List.of(new Acknowledgements.Line(id, ack.leaseId(), ack.outcome(), ack.detail())))
                .map(results -> switch (results.get(0).status()) {
                    case RECORDED, ALREADY_RECORDED -> null;
                    case NOT_FOUND -> throw ProblemException.notFound("Outreach request", id);
                    case LEASE_LOST -> throw ProblemException.conflict("lease-lost",
                            "This lease is no longer current for outreach " + id);
                });
    }
}
