package dev.rapport.delivery.clients.contacts;

import dev.rapport.delivery.clients.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** contacts-service: the address to send to, and how we came to have it. A contact that is gone is null. */
@ApplicationScoped
public class ContactsClient {
    /** What contacts-service answers in one bulk read. */
    public static final int MAX_IDS = 500;

    @RestClient
    ContactsRestClient client;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<Contact> contact(UUID id) {
        return Downstream.read(client.contact(id), "Contact");
    }

    /**
     * Many contacts with their points in two calls (at most {@link #MAX_IDS} ids). A contact that was merged away or
     * erased is not in the answer: read it alone ({@link #contact}), which follows a merge to the survivor.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = Downstream.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Downstream.Refused.class)
    public Uni<Map<UUID, Contact>> contacts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String list = ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        return Uni.combine().all()
                .unis(Downstream.read(client.contacts(list, ids.size()), "Contacts"),
                        Downstream.read(client.contactPoints(list), "Contact points"))
                .asTuple().map(t -> {
                    Map<UUID, List<Contact.ContactPoint>> points = new HashMap<>();
                    for (Contact.ContactPoint p : t.getItem2() == null ? List.<Contact.ContactPoint>of() : t.getItem2()) {
                        points.computeIfAbsent(p.contactId(), k -> new ArrayList<>()).add(p);
                    }
                    Map<UUID, Contact> out = new HashMap<>();
                    for (Contact c : t.getItem1() == null || t.getItem1().items() == null ? List.<Contact>of() : t.getItem1().items()) {
                        out.put(c.id(), c.withPoints(points.getOrDefault(c.id(), List.of())));
                    }
                    return out;
                });
    }
}
