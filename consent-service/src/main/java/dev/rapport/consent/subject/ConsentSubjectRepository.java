package dev.rapport.consent.subject;

import dev.rapport.consent.common.Hashing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ConsentSubjectRepository implements PanacheRepositoryBase<ConsentSubject, UUID> {

    /**
     * The subject row locked for this transaction, created first if missing. The lock is the per-contact chain
     * lock: two writers for one contact append one after the other, so the chain stays linear.
     */
    public Uni<ConsentSubject> lockOrCreate(UUID contactId) {
        // The row lock is taken with plain SQL and the entity refreshed after it: a subject already in this session
        // (a batch touching one contact twice) must not keep a head read before the lock.
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into consent_subjects (contact_id, salt, head_seq, head_hash, created_at) "
                                + "values (?1, ?2, 0, ?3, ?4) on conflict (contact_id) do nothing")
                .setParameter(1, contactId)
                .setParameter(2, Hashing.newSalt())
                .setParameter(3, Hashing.GENESIS)
                .setParameter(4, Instant.now())
                .executeUpdate()
                .chain(() -> s.createNativeQuery("select 1 from consent_subjects where contact_id = ?1 for update")
                        .setParameter(1, contactId).getResultList())
                .chain(() -> s.find(ConsentSubject.class, contactId))
                .call(s::refresh));
    }

    /** Erasure: the person's outreach requests, in the caller's transaction. */
    public Uni<Integer> deleteOutreachOf(UUID contactId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from outreach where contact_id = ?1")
                .setParameter(1, contactId).executeUpdate());
    }

    /** Erasure: remembered answers (idempotency_keys) that name the person, in the caller's transaction. */
    public Uni<Integer> deleteAnswersNaming(UUID contactId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from idempotency_keys where response like ?1")
                .setParameter(1, "%" + contactId + "%").executeUpdate());
    }
}
