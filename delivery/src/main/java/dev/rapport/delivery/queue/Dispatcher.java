package dev.rapport.delivery.queue;

import dev.rapport.delivery.DeliveryConfig;
import dev.rapport.delivery.clients.consent.Acknowledgement;
import dev.rapport.delivery.clients.consent.ConsentClient;
import dev.rapport.delivery.clients.consent.Lease;
import dev.rapport.delivery.message.Composer;
import dev.rapport.delivery.message.MessageModel;
import dev.rapport.delivery.message.RoundFacts;
import dev.rapport.delivery.message.Undeliverable;
import dev.rapport.delivery.render.Renderer;
import dev.rapport.delivery.send.SmtpSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drains consent-service's EMAIL queue: lease a batch, render and send each message, acknowledge the batch's outcomes
 * in one call; again at once while batches come back full. The order is send, then acknowledge. A crash between the two leaves the
 * message unacknowledged: its lease runs out, it is leased and sent again with the same Message-ID. An acknowledged
 * message is never leased again, so a crash never sends it twice, and nothing is lost.
 *
 * <p>Transient failures (SMTP 4xx or no answer, a service not answering) are not acknowledged: the lease runs out and
 * the message is tried again, up to {@code max-attempts}; on the last attempt it is acknowledged FAILED with the
 * reason. Permanent ones are acknowledged at once: BOUNCED for a recipient the SMTP server refused for good, FAILED
 * for anything else that cannot change (the person or their address gone).
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    ConsentClient consent;
    @Inject
    Composer composer;
    @Inject
    Renderer renderer;
    @Inject
    SmtpSender smtp;
    @Inject
    DeliveryConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    MessageTrace trace;

    @Scheduled(every = "${rapport.delivery.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DeliveryDisabled.class)
    Uni<Void> poll() {
        return drain().onFailure().invoke(e -> LOG.warnf("Delivery round stopped: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rounds until the queue has fewer messages than a batch; the outcome of every message handled. */
    public Uni<List<Handled>> drain() {
        return Multi.createBy().repeating().uni(this::round).whilst(r -> r.size() >= config.batchSize())
                .onItem().transformToIterable(r -> r).collect().asList();
    }

    /**
     * One batch: lease, read what its messages share once ({@link Composer#gather}), render and send each (several at
     * once), then acknowledge every outcome in one call.
     */
    public Uni<List<Handled>> round() {
        return consent.pull(config.batchSize(), config.lease().toSeconds()).chain(this::deliver);
    }

    /** Delivers leased messages: what they share read once, each rendered and sent, the outcomes acknowledged together. */
    public Uni<List<Handled>> deliver(List<Lease> leases) {
        if (leases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return composer.gather(leases)
                .chain(facts -> Multi.createFrom().iterable(leases)
                        .onItem().transformToUni(lease -> deliver(lease, facts)).merge(config.concurrency())
                        .collect().asList())
                .chain(this::acknowledge);
    }

    Uni<Outcome> deliver(Lease lease, RoundFacts facts) {
        return trace.deliver(lease, () -> send(lease, facts), o -> o.ack() == null ? "RETRY_LATER" : o.ack().name());
    }

    private Uni<Outcome> send(Lease lease, RoundFacts facts) {
        return composer.compose(lease, facts)
                .chain(m -> smtp.send(m, renderer.render(m)).map(o -> verdict(lease, m, o)))
                .onFailure(Undeliverable.class).recoverWithItem(e -> Outcome.ack(lease, Acknowledgement.Outcome.FAILED, e.getMessage()))
                .onFailure().recoverWithItem(e -> retryOrGiveUp(lease, "not sent: " + e.getMessage()));
    }

    private Outcome verdict(Lease lease, MessageModel m, dev.rapport.delivery.send.Outcome o) {
        return switch (o.result()) {
            case SENT -> Outcome.ack(lease, Acknowledgement.Outcome.DELIVERED, "Message-ID " + smtp.messageId(m));
            case BOUNCED -> Outcome.ack(lease, Acknowledgement.Outcome.BOUNCED, o.detail());
            case REFUSED -> Outcome.ack(lease, Acknowledgement.Outcome.FAILED, o.detail());
            case TRANSIENT -> retryOrGiveUp(lease, o.detail());
        };
    }

    /** Left to its lease, so it comes back; on the last attempt, given up with the reason. */
    private Outcome retryOrGiveUp(Lease lease, String detail) {
        if (lease.attempt() >= config.maxAttempts()) {
            return Outcome.ack(lease, Acknowledgement.Outcome.FAILED, "Gave up after " + lease.attempt() + " attempts; last: " + detail);
        }
        LOG.debugf("Outreach %s attempt %d: %s; it comes back when its lease ends", lease.id(), lease.attempt(), detail);
        return new Outcome(lease, null, detail);
    }

    /**
     * Acknowledges a batch's outcomes in one call. Acknowledgements that do not arrive (consent-service away) leave the
     * messages to their leases: those sent are sent again later with the same Message-ID; never acknowledged as
     * anything they were not. A line whose lease ran out (LEASE_LOST) is delivered by the message's next lease.
     */
    private Uni<List<Handled>> acknowledge(List<Outcome> outcomes) {
        List<Acknowledgement> acks = outcomes.stream().filter(o -> o.ack() != null)
                .map(o -> new Acknowledgement(o.lease().id(), o.lease().leaseId(), o.ack(), o.detail())).toList();
        Uni<Map<UUID, String>> recorded = acks.isEmpty() ? Uni.createFrom().item(Map.of())
                : consent.acknowledge(acks).map(results -> results.stream()
                        .collect(Collectors.toMap(Acknowledgement.Result::id, Acknowledgement.Result::status, (a, b) -> a)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("%d acknowledgements not recorded (%s); the messages come back when their leases end", acks.size(),
                            e.getMessage());
                    return Map.of();
                });
        return recorded.map(statuses -> outcomes.stream().map(o -> count(handled(o, statuses.get(o.lease().id())))).toList());
    }

    private static Handled handled(Outcome o, String status) {
        UUID id = o.lease().id();
        if (o.ack() == null) {
            return new Handled(id, Handled.Status.RETRY_LATER, o.detail());
        }
        if (status == null) {
            return new Handled(id, Handled.Status.RETRY_LATER, "acknowledgement not recorded");
        }
        if (!status.equals("RECORDED") && !status.equals("ALREADY_RECORDED")) {
            LOG.infof("Outreach %s: the lease ran out before the acknowledgement (%s); its next lease delivers it", id, status);
            return new Handled(id, Handled.Status.LEASE_LOST, status);
        }
        return new Handled(id, Handled.Status.valueOf(o.ack().name()), o.detail());
    }

    private Handled count(Handled h) {
        metrics.counter("rapport.delivery.messages", "status", h.status().name()).increment();
        return h;
    }

    /** A message's outcome: the acknowledgement to send, or none ({@code ack} null): leave it to its lease. */
    record Outcome(Lease lease, Acknowledgement.Outcome ack, String detail) {
        static Outcome ack(Lease lease, Acknowledgement.Outcome ack, String detail) {
            return new Outcome(lease, ack, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
        }
    }
}
