package dev.rapport.contacts.contactpoint;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, UUID> {

    public Uni<List<ContactPoint>> ofContacts(Collection<UUID> contactIds) {
        return list("contactId in ?1 order by contactId, capturedAt, id", contactIds);
    }
}
