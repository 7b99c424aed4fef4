package dev.rapport.consent.facts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactPointFactRepository implements PanacheRepositoryBase<ContactPointFact, UUID> {

    public Uni<List<ContactPointFact>> ofContact(UUID contactId) {
        return list("contactId = ?1 order by addedAt, contactPointId", contactId);
    }
}
