package dev.rapport.delivery.clients.contacts;

import dev.rapport.delivery.clients.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** contacts-service: the address to send to, and how we came to have it. A contact that is gone is null. */
@ApplicationScoped
public class ContactsClient {
    @RestClient
    ContactsRestClient client;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<Contact> contact(UUID id) {
        return Downstream.read(client.contact(id), "Contact");
    }
}
