package dev.rapport.feedback.outreach;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one bean that talks to consent-service. Retries are safe: each request carries the message id as its
 * {@code Idempotency-Key}. Failures surface to {@link Outreach}, which records them as a denial with reason
 * {@code consent-unavailable} — an unanswered question is never a yes.
 */
@ApplicationScoped
public class ConsentOutreach {
    @RestClient
    OutreachRestClient client;

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<OutreachResult> request(String idempotencyKey, OutreachRequest request) {
        return client.request(idempotencyKey, request);
    }

    /** May this person be sent this now? Nothing is stored, so a retry is safe. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<OutreachResult.Decision> decide(OutreachRequest request) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("contactId", request.contactId());
        body.put("purpose", request.purpose());
        body.put("channel", request.channel());
        return client.decide(body);
    }
}
