package dev.rapport.feedback.outreach;

import dev.rapport.feedback.outreach.OutreachQueries.Claimed;
import dev.rapport.platform.id.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends messages through consent-service without ever holding a database transaction across an HTTP call:
 * {@link #prepare} records the intent (PENDING) inside the caller's transaction; after it commits, {@link #send}
 * claims each row, asks consent-service, and records QUEUED or DENIED. A crash in between leaves a PENDING row
 * whose {@code next_attempt_at} has passed, and {@link #retryDue} sends it again with the same Idempotency-Key.
 *
 * <p>Claiming and recording are {@link OutreachQueries}' statements on the reactive SQL client: sending runs
 * concurrently and outside any request, where a Hibernate Reactive session (one operation at a time) cannot be shared.
 */
@ApplicationScoped
public class Outreach {
    public static final String CONSENT_UNAVAILABLE = "consent-unavailable";
    /**
     * The reason a PENDING message shows while it waits for consent-service to learn of the person (a contact just
     * created or imported: contacts-service's outbox has not delivered them yet). Never a permanent no by itself.
     */
    public static final String NOT_YET_KNOWN = "not-yet-known";
    /** The campaign of every message to an anonymous respondent (see {@link #prepareAnonymous}). */
    public static final String ANONYMOUS_CAMPAIGN = "feedback:anonymous";
    private static final Logger LOG = Logger.getLogger(Outreach.class);

    @Inject
    ConsentOutreach consent;
    @Inject
    OutreachConfig config;
    @Inject
    OutreachQueries queries;

    /** A PENDING message ready to persist with the caller's other writes. */
    public OutreachMessage prepare(MessageKind kind, UUID subjectId, UUID contactId, String channel, String campaign,
            String payloadRef) {
        OutreachMessage m = new OutreachMessage();
        m.id = Ids.newId();
        m.kind = kind.code;
        m.subjectId = subjectId;
        m.contactId = contactId;
        m.purpose = config.purpose(kind);
        m.channel = channel;
        m.campaign = campaign;
        m.payloadRef = payloadRef;
        m.status = OutreachMessage.PENDING;
        m.reasons = new String[0];
        m.createdAt = Instant.now();
        // the inline send happens right after commit; the scheduler only steps in if that never finishes
        m.nextAttemptAt = m.createdAt.plus(config.pendingGrace());
        return m;
    }

    /**
     * A message to an anonymous respondent about what they rated: its campaign and payloadRef name neither the
     * consultation nor the action or thread, because staff read outreach requests by person (consent-service) and
     * must not learn from them what the person rated. The follow-up id leads the person (only) to the rest.
     */
    public OutreachMessage prepareAnonymous(MessageKind kind, UUID followUpId, UUID contactId) {
        return prepare(kind, followUpId, contactId, null, ANONYMOUS_CAMPAIGN, "feedback:follow-up:" + followUpId);
    }

    /** Persists prepared messages in the current Hibernate Reactive session (the caller's transaction). */
    public Uni<Void> record(Collection<OutreachMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.persistAll(messages.toArray())).chain(() -> Panache.getSession())
                .chain(s -> s.flush());
    }

    /** Sends committed messages; call after the transaction that recorded them has committed. */
    public Uni<DispatchSummary> send(List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(new DispatchSummary(0, 0, 0, 0, Map.of()));
        }
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < messageIds.size(); i += 500) {
            chunks.add(messageIds.subList(i, Math.min(messageIds.size(), i + 500)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(this::claim)
                .onItem().transformToMultiAndConcatenate(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUni(this::deliver).merge(config.concurrency())
                .collect().asList()
                .map(Outreach::summarise);
    }

    /** Sends in the background (large audiences): failures are logged, rows stay due for the scheduler. */
    public void sendLater(List<UUID> messageIds) {
        send(messageIds).subscribe().with(s -> LOG.infof("Sent %d messages: %d queued, %d denied", s.total(), s.queued(),
                s.denied()), e -> LOG.warn("Background send stopped; the scheduler will retry", e));
    }

    @Scheduled(every = "${rapport.outreach.retry-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> retryDue() {
        return queries.due(config.maxAttempts())
                .chain(ids -> send(ids))
                .onFailure().invoke(e -> LOG.warn("Outreach retry round failed", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<Claimed>> claim(List<UUID> ids) {
        return queries.claim(ids, config.initialBackoff(), config.maxBackoff());
    }

    /**
     * A message waiting for consent-service to know the person first asks for a decision (nothing stored); only once the
     * person is known is the request sent, under a new Idempotency-Key (the first one replays the stored unknown-contact
     * denial).
     */
    private Uni<String> deliver(Claimed c) {
        if (!c.waitingToBeKnown()) {
            return request(c);
        }
        return consent.decide(c.request())
                .onFailure().recoverWithItem(e -> null)
                .chain(d -> d == null || d.unknownContact() ? stillUnknown(c) : request(c));
    }

    private Uni<String> stillUnknown(Claimed c) {
        if (Instant.now().isAfter(c.createdAt().plus(config.notYetKnownPatience()))) {
            return store(c.id(), OutreachMessage.DENIED, List.of(OutreachResult.UNKNOWN_CONTACT), null, false)
                    .replaceWith(OutreachResult.UNKNOWN_CONTACT);
        }
        return waitToBeKnown(c.id(), c.requestKey()).replaceWith(NOT_YET_KNOWN);
    }

    private Uni<String> request(Claimed c) {
        return consent.request(c.requestKey(), c.request())
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf(e, "consent-service could not answer for message %s", c.id());
                    return null;
                })
                .chain(result -> {
                    if (result == null) {
                        boolean lastTry = c.attempts() >= config.maxAttempts();
                        return store(c.id(), OutreachMessage.DENIED, List.of(CONSENT_UNAVAILABLE), null, !lastTry)
                                .replaceWith(CONSENT_UNAVAILABLE);
                    }
                    if (result.queued()) {
                        return store(c.id(), OutreachMessage.QUEUED, List.of(), result.id(), false).replaceWith(OutreachMessage.QUEUED);
                    }
                    if (result.unknownContact() && !Instant.now().isAfter(c.createdAt().plus(config.notYetKnownPatience()))) {
                        return waitToBeKnown(c.id(), c.id() + ":" + c.attempts()).replaceWith(NOT_YET_KNOWN);
                    }
                    List<String> reasons = result.decision() == null || result.decision().reasons() == null
                            || result.decision().reasons().isEmpty() ? List.of("denied")
                            : result.decision().reasons().stream().map(OutreachResult.Reason::code).distinct().toList();
                    return store(c.id(), OutreachMessage.DENIED, reasons, result.id(), false)
                            .replaceWith(String.join(",", reasons));
                });
    }

    private Uni<Void> store(UUID id, String status, List<String> reasons, UUID requestId, boolean retry) {
        return queries.store(id, status, reasons, requestId, retry);
    }

    private Uni<Void> waitToBeKnown(UUID id, String requestKey) {
        return queries.waitToBeKnown(id, requestKey, config.notYetKnownInterval());
    }

    private static DispatchSummary summarise(List<String> outcomes) {
        int queued = 0;
        int denied = 0;
        Map<String, Integer> by = new TreeMap<>();
        int pending = 0;
        for (String o : outcomes) {
            if (OutreachMessage.QUEUED.equals(o)) {
                queued++;
            } else if (NOT_YET_KNOWN.equals(o)) {
                pending++;
            } else {
                denied++;
                for (String reason : o.split(",")) {
                    by.merge(reason, 1, Integer::sum);
                }
            }
        }
        return new DispatchSummary(outcomes.size(), queued, denied, pending, by);
    }
}
