package dev.rapport.consent.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The contact's newest event for the purpose, or null. */
    public Uni<ConsentEvent> newestFor(UUID contactId, String purpose) {
        return find("contactId = ?1 and purpose = ?2 order by seq desc", contactId, purpose).firstResult();
    }

    public Uni<List<ConsentEvent>> ofContacts(Collection<UUID> contactIds) {
        return list("contactId in :ids order by occurredAt, recordedAt, seq", Parameters.with("ids", contactIds));
    }

    /**
     * Each contact's {@code perContact} newest events (before {@code beforeSeq} when given), newest first, in one
     * statement: a window over the contact's chain.
     */
    public Uni<List<ConsentEvent>> newestOf(Collection<UUID> contactIds, Long beforeSeq, int perContact) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select e.* from consent_events e
                join (select id, row_number() over (partition by contact_id order by seq desc) as rn
                      from consent_events
                      where contact_id in (:ids) and (cast(:before as bigint) is null or seq < cast(:before as bigint))) ranked
                  on ranked.id = e.id
                where ranked.rn <= :n
                order by e.contact_id, e.seq desc""", ConsentEvent.class)
                .setParameter("ids", contactIds).setParameter("before", beforeSeq).setParameter("n", perContact)
                .getResultList());
    }

    public Uni<List<ConsentEvent>> page(UUID contactId, long afterSeq, int limit) {
        return find("contactId = ?1 and seq > ?2 order by seq", contactId, afterSeq).page(0, limit + 1).list();
    }
}
