package dev.rapport.consent.outreach;

import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.decision.Decision;
import dev.rapport.consent.decision.DecisionEngine;
import dev.rapport.consent.decision.DecisionFacts;
import dev.rapport.consent.decision.DecisionQueries;
import dev.rapport.consent.decision.DecisionService;
import dev.rapport.consent.decision.Reason;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
 * bounce marks the contact point undeliverable, so decisions stop choosing it. The statements are {@link QueueQueries}'.
 */
@ApplicationScoped
public class QueueService {
    static final Set<String> IGNORED_ON_RECHECK = Set.of(Reason.FREQUENCY_CAP, Reason.COMPANY_CHANNEL_CAP,
            Reason.COMPANY_PURPOSE_CAP);

    @Inject
    QueueQueries queries;
    @Inject
    DecisionQueries decisionQueries;
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
        return queries.inTransaction(conn -> queries.lease(conn, channel, max, visibility).chain(leased -> {
            leased.sort(Comparator.comparing(Delivery::id));
            return recheck(conn, leased);
        }));
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
            chain = chain.chain(kept -> decisionQueries.load(conn, items.stream().map(Delivery::contactId).toList(), group.getKey(), now,
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
                                updates = updates.chain(() -> queries.holdBack(conn, d.id(), until));
                            } else {
                                String detail = "Re-checked before delivery: " + reasons.stream()
                                        .map(r -> r.code() + " (" + r.detail() + ")").collect(Collectors.joining("; "));
                                updates = updates.chain(() -> queries.deny(conn, d.id(), detail));
                            }
                        }
                        return updates.replaceWith(kept);
                    }));
        }
        return chain;
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
