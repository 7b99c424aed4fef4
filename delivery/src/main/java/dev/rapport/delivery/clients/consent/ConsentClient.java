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
 * sends; they would only come back when the lease runs out). Acknowledging is retried: the same acknowledgements twice
 * are harmless. A lease that is no longer ours is a line's result (LEASE_LOST), not an error.
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

    /**
     * Records many outcomes in one call and one transaction (at most 500); one result per line, in order. Retrying is
     * harmless: a line already recorded answers ALREADY_RECORDED.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<List<Acknowledgement.Result>> acknowledge(List<Acknowledgement> acks) {
        return Downstream.read(client.acknowledge(new Acknowledgement.Batch(acks)), "Acknowledgements");
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
    public Uni<Purpose> purpose(String code) {
        return Downstream.read(client.purpose(code), "Purpose");
    }
}
