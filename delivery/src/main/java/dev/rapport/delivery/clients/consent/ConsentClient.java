package dev.rapport.delivery.clients.consent;

import dev.rapport.delivery.clients.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one bean that talks to consent-service. Pulling is never retried (a lost answer would lease messages nobody
 * sends; they would only come back when the lease runs out). Acknowledging is retried: the same acknowledgement twice
 * is harmless. A lease that is no longer ours (409) is not an error to retry: it surfaces as {@link LeaseLost}.
 */
@ApplicationScoped
public class ConsentClient {
    @RestClient
    ConsentRestClient client;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<List<Lease>> pull(int max, long visibilitySeconds) {
        Map<String, Object> request = new HashMap<>();
        request.put("channel", "EMAIL");
        request.put("max", max);
        request.put("visibilitySeconds", visibilitySeconds);
        return client.pull(request);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = LeaseLost.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = LeaseLost.class)
    public Uni<Void> acknowledge(UUID outreachId, Acknowledgement ack) {
        return client.acknowledge(outreachId, ack)
                .onFailure(e -> Downstream.status(e) == 409).transform(e -> new LeaseLost(outreachId));
    }

    /** Withdraws the message's purpose (source UNSUBSCRIBE_LINK in the ledger); answers false for an unknown message. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    public Uni<Boolean> unsubscribe(UUID outreachId) {
        return Downstream.read(client.unsubscribe(outreachId, Map.of()).replaceWith(true), "Unsubscribe")
                .map(done -> done != null);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<List<ConsentState>> consents(UUID contactId) {
        return Downstream.read(client.consents(contactId), "Consents").map(c -> c == null ? List.of() : c);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<Purpose> purpose(String code) {
        return Downstream.read(client.purpose(code), "Purpose");
    }

    /** Our lease ran out and the message went back to the queue (or to another consumer). */
    public static final class LeaseLost extends RuntimeException {
        public LeaseLost(UUID outreachId) {
            super("The lease on outreach " + outreachId + " is no longer current", null, false, false);
        }
    }
}
