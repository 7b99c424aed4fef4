package dev.rapport.contacts.followup;

import dev.rapport.contacts.contact.ContactService;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpService {
    @Inject
    FollowUpRepository followUps;
    @Inject
    ContactService contacts;

    @WithTransaction
    public Uni<FollowUpView> create(UUID contactId, NewFollowUp in, String by) {
        return contacts.resolve(contactId).chain(c -> {
            FollowUp f = new FollowUp();
            f.id = Ids.newId();
            f.contactId = c.id;
            f.dueOn = in.dueOn();
            f.topic = in.topic().strip();
            f.note = in.note();
            f.statedBy = in.statedBy() == null ? FollowUp.StatedBy.CONTACT : in.statedBy();
            f.createdBy = by;
            f.createdAt = Instant.now();
            return followUps.persist(f).map(FollowUpView::from);
        });
    }

    @WithSession
    public Uni<List<FollowUpView>> list(UUID contactId, boolean includeCompleted) {
        return contacts.resolve(contactId).chain(c -> (includeCompleted
                ? followUps.list("contactId = ?1 order by dueOn, id", c.id)
                : followUps.list("contactId = ?1 and completedAt is null order by dueOn, id", c.id))
                .map(l -> l.stream().map(FollowUpView::from).toList()));
    }

    /** Follow-ups of many contacts in one query, grouped per id in the order asked (due date first). */
    @WithSession
    public Uni<List<PerContact<FollowUpView>>> listFor(List<UUID> contactIds, boolean includeCompleted) {
        return (includeCompleted
                ? followUps.list("contactId in ?1 order by contactId, dueOn, id", contactIds)
                : followUps.list("contactId in ?1 and completedAt is null order by contactId, dueOn, id", contactIds))
                .map(l -> PerContact.group(contactIds, l.stream().map(FollowUpView::from).toList(), FollowUpView::contactId));
    }

    @WithTransaction
    public Uni<FollowUpView> complete(UUID contactId, UUID followUpId, String by) {
        return contacts.resolve(contactId).chain(c -> followUps.findById(followUpId).map(f -> {
            if (f == null || !f.contactId.equals(c.id)) {
                throw ProblemException.notFound("Follow-up", followUpId);
            }
            if (f.completedAt == null) {
                f.completedAt = Instant.now();
                f.completedBy = by;
            }
            return FollowUpView.from(f);
        }));
    }
}
