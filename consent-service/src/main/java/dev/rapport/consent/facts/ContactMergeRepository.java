package dev.rapport.consent.facts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ContactMergeRepository implements PanacheRepositoryBase<ContactMerge, UUID> {

    /** The surviving contact for an id (the id itself when it was never merged away). */
    public Uni<UUID> survivorOf(UUID contactId) {
        return findById(contactId).map(m -> m == null ? contactId : m.survivorId);
    }
}
