package dev.rapport.feedback.invitation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<Invitation> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    public Uni<List<UUID>> alreadyInvited(UUID consultationId, Collection<UUID> contactIds) {
        return getSession().chain(s -> s.createSelectionQuery(
                        "select contactId from Invitation where consultationId = :c and contactId in :ids", UUID.class)
                .setParameter("c", consultationId).setParameter("ids", contactIds).getResultList());
    }

    /** Takes the invitation's one response: true for the first caller only, even under concurrency. */
    public Uni<Boolean> markResponded(UUID invitationId) {
        return update("responded = true where id = ?1 and responded = false", invitationId).map(n -> n == 1);
    }
}
