package dev.rapport.consent.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentEventRepository implements PanacheRepositoryBase<ConsentEvent, UUID> {

    public Uni<List<ConsentEvent>> chainOf(UUID contactId) {
        return list("contactId = ?1 order by seq", contactId);
    }

    public Uni<List<ConsentEvent>> ofContacts(Collection<UUID> contactIds) {
        return list("contactId in :ids order by occurredAt, recordedAt, seq", Parameters.with("ids", contactIds));
    }

    public Uni<List<ConsentEvent>> page(UUID contactId, long afterSeq, int limit) {
        return find("contactId = ?1 and seq > ?2 order by seq", contactId, afterSeq).page(0, limit + 1).list();
    }
}
