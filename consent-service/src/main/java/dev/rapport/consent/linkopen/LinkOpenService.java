package dev.rapport.consent.linkopen;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Counts link openings; forgets the counts of links older than any link lives. */
@ApplicationScoped
public class LinkOpenService {
    @Inject
    LinkOpenQueries opens;
    @ConfigProperty(name = "rapport.links.opens-kept-for", defaultValue = "P90D")
    Duration keptFor;

    public Uni<LinkOpen> count(UUID linkId) {
        return opens.count(linkId);
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> forget() {
        return opens.forgetOlderThan(keptFor).replaceWithVoid();
    }
}
