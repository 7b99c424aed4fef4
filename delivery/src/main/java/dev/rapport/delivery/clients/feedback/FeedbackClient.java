package dev.rapport.delivery.clients.feedback;

import dev.rapport.delivery.clients.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** feedback-service reads; a record that is gone is null. */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = Downstream.Refused.class)
public class FeedbackClient {
    @RestClient
    FeedbackRestClient client;

    public Uni<Feedback.InvitationLink> invitationLink(UUID invitationId) {
        return Downstream.read(client.invitationLink(invitationId), "Invitation");
    }

    public Uni<Feedback.Consultation> consultation(UUID id) {
        return Downstream.read(client.consultation(id), "Consultation");
    }

    public Uni<Feedback.Action> action(UUID id) {
        return Downstream.read(client.action(id), "Action");
    }

    public Uni<Feedback.SupportCase> supportCase(UUID id) {
        return Downstream.read(client.supportCase(id), "Case");
    }

    public Uni<Feedback.RenewalOffer> renewalOffer(UUID id) {
        return Downstream.read(client.renewalOffer(id), "Renewal offer");
    }
}
