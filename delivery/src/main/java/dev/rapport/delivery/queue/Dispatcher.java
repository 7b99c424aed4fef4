package dev.rapport.delivery.queue;

import dev.rapport.delivery.DeliveryConfig;
import dev.rapport.delivery.clients.consent.Acknowledgement;
import dev.rapport.delivery.clients.consent.ConsentClient;
import dev.rapport.delivery.clients.consent.Lease;
import dev.rapport.delivery.message.Composer;
import dev.rapport.delivery.message.MessageModel;
import dev.rapport.delivery.message.Undeliverable;
import dev.rapport.delivery.render.Renderer;
import dev.rapport.delivery.send.Outcome;
import dev.rapport.delivery.send.SmtpSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drains consent-service's EMAIL queue: lease a batch, render and send each message, acknowledge each outcome; again
 * at once while batches come back full. The order is send, then acknowledge. A crash between the two leaves the
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

    /** One batch: lease, deliver each (several at once), acknowledge. */
    public Uni<List<Handled>> round() {
        return consent.pull(config.batchSize(), config.lease().toSeconds())
                .onItem().transformToMulti(leases -> Multi.createFrom().iterable(leases))
                .onItem().transformToUni(this::deliver).merge(config.concurrency())
                .collect().asList();
    }

    Uni<Handled> deliver(Lease lease) {
        return composer.compose(lease)
                .chain(m -> smtp.send(m, renderer.render(m)).map(o -> verdict(lease, m, o)))
                .onFailure(Undeliverable.class).recoverWithItem(e -> Verdict.ack(Acknowledgement.Outcome.FAILED, e.getMessage()))
                .onFailure().recoverWithItem(e -> retryOrGiveUp(lease, "not sent: " + e.getMessage()))
                .chain(v -> v.outcome() == null ? Uni.createFrom().item(count(new Handled(lease.id(), Handled.Status.RETRY_LATER,
                        v.detail()))) : ack(lease, v));
    }

    private Verdict verdict(Lease lease, MessageModel m, Outcome o) {
        return switch (o.result()) {
            case SENT -> Verdict.ack(Acknowledgement.Outcome.DELIVERED, "Message-ID " + smtp.messageId(m));
            case BOUNCED -> Verdict.ack(Acknowledgement.Outcome.BOUNCED, o.detail());
            case REFUSED -> Verdict.ack(Acknowledgement.Outcome.FAILED, o.detail());
            case TRANSIENT -> retryOrGiveUp(lease, o.detail());
        };
    }

    /** Left to its lease, so it comes back; on the last attempt, given up with the reason. */
    private Verdict retryOrGiveUp(Lease lease, String detail) {
        if (lease.attempt() >= config.maxAttempts()) {
            return Verdict.ack(Acknowledgement.Outcome.FAILED, "Gave up after " + lease.attempt() + " attempts; last: " + detail);
        }
        LOG.debugf("Outreach %s attempt %d: %s; it comes back when its lease ends", lease.id(), lease.attempt(), detail);
        return new Verdict(null, detail);
    }

    /**
     * An acknowledgement that does not arrive (consent-service away) leaves the message to its lease: if it was sent, it
     * is sent again later with the same Message-ID; never acknowledged as anything it was not.
     */
    private Uni<Handled> ack(Lease lease, Verdict v) {
        String detail = v.detail() == null || v.detail().length() <= 1000 ? v.detail() : v.detail().substring(0, 1000);
        return consent.acknowledge(lease.id(), new Acknowledgement(lease.leaseId(), v.outcome(), detail))
                .replaceWith(() -> count(new Handled(lease.id(), Handled.Status.valueOf(v.outcome().name()), detail)))
                .onFailure(ConsentClient.LeaseLost.class).recoverWithItem(e -> {
                    LOG.infof("Outreach %s: the lease ran out before the acknowledgement; its next lease delivers it", lease.id());
                    return count(new Handled(lease.id(), Handled.Status.LEASE_LOST, e.getMessage()));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Outreach %s: acknowledgement %s not recorded (%s); it comes back when its lease ends", lease.id(),
                            v.outcome(), e.getMessage());
                    return count(new Handled(lease.id(), Handled.Status.RETRY_LATER, "acknowledgement not recorded"));
                });
    }

    private Handled count(Handled h) {
        metrics.counter("rapport.delivery.messages", "status", h.status().name()).increment();
        return h;
    }

    /** The acknowledgement to send, or none (outcome null): leave it to its lease. */
    private record Verdict(Acknowledgement.Outcome outcome, String detail) {
        static Verdict ack(Acknowledgement.Outcome outcome, String detail) {
            return new Verdict(outcome, detail);
        }
    }
}
