package dev.rapport.consent.subject;

import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.facts.ContactMergeRepository;
import dev.rapport.consent.facts.ContactPointFactRepository;
import dev.rapport.consent.facts.ContactPointFactView;
import dev.rapport.consent.facts.ContactPointFoldRepository;
import dev.rapport.consent.facts.ReceivedFactEventRepository;
import dev.rapport.consent.ledger.ConsentEvent;
import dev.rapport.consent.ledger.ConsentEventRepository;
import dev.rapport.consent.ledger.ConsentEventView;
import dev.rapport.consent.ledger.LedgerService;
import dev.rapport.consent.outreach.OutreachService;
import dev.rapport.consent.outreach.OutreachView;
import dev.rapport.consent.policy.ContactPolicyRepository;
import dev.rapport.consent.policy.PolicyService;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Data-subject rights: export everything held about a person; erase them, leaving a PII-free proof. */
@ApplicationScoped
public class SubjectService {
    @Inject
    ConsentSubjectRepository subjects;
    @Inject
    ConsentEventRepository events;
    @Inject
    ContactPointFactRepository points;
    @Inject
    ContactPointFoldRepository folds;
    @Inject
    ReceivedFactEventRepository factEvents;
    @Inject
    ContactMergeRepository merges;
    @Inject
    ContactPolicyRepository policies;
    @Inject
    PolicyService policyService;
    @Inject
    LedgerService ledger;
    @Inject
    OutreachService outreach;
    @Inject
    ConsentConfig config;

    public Uni<SubjectExport> export(UUID contactId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return data(contactId).chain(d -> policyService.get(contactId)
                .chain(policy -> ledger.state(contactId, now)
                        .chain(state -> outreach.list(contactId, null, null, null, 100_000)
                                .map(sent -> new SubjectExport(contactId, now, d.subject.erasedAt, policy, d.points, state,
                                        d.ledger, sent, d.merged)))));
    }

    private record Held(ConsentSubject subject, List<ContactPointFactView> points, List<ConsentEventView> ledger, List<UUID> merged) {
    }

    @WithSession
    Uni<Held> data(UUID contactId) {
        return subjects.findById(contactId).chain(s -> {
            if (s == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Contact", contactId));
            }
            return points.ofContact(contactId).chain(ps -> events.chainOf(contactId).chain(es -> merges.list("survivorId", contactId)
                    .map(ms -> new Held(s, ps.stream().map(ContactPointFactView::from).toList(),
                            es.stream().map(ConsentEventView::from).toList(),
                            ms.stream().map(m -> m.mergedContactId).toList()))));
        });
    }

    /**
     * Erases a person (and any contact merged into them): the salt is destroyed so no stored hash can be linked to an
     * address again; contact-point facts and folds, policy and outreach are deleted; the ledger's personal free text is blanked.
     * What stays is PII-free: that consent events existed (kind, purpose, channel, times, hashes) and an ERASURE event,
     * appended to the same chain, which still verifies. Repeating an erasure changes nothing.
     */
    @WithTransaction
    public Uni<ErasureResult> erase(UUID contactId, String actor) {
        return subjects.count("contactId", contactId).chain(found -> {
            if (found == 0) {
                return Uni.createFrom().failure(ProblemException.notFound("Contact", contactId));
            }
            return merges.list("survivorId", contactId).chain(ms -> {
                List<UUID> ids = new ArrayList<>();
                ids.add(contactId);
                ms.stream().map(m -> m.mergedContactId).forEach(ids::add);
                Uni<ConsentEvent> chain = Uni.createFrom().nullItem();
                for (UUID id : ids) {
                    chain = chain.chain(first -> eraseOne(id, actor).map(e -> first == null ? e : first));
                }
                return chain.call(() -> merges.delete("survivorId = ?1 or mergedContactId = ?1", contactId));
            });
        }).chain(marker -> subjects.findById(contactId).chain(s -> events.count("contactId", contactId)
                .map(n -> new ErasureResult(contactId, s.erasedAt, marker == null ? null : marker.id, n, null))));
    }

    private Uni<ConsentEvent> eraseOne(UUID id, String actor) {
        return subjects.lockOrCreate(id).chain(s -> {
            if (s.erased()) {
                return events.find("contactId = ?1 and kind = ?2", id, dev.rapport.consent.ledger.EventKind.ERASURE).firstResult();
            }
            return ledger.appendErasure(s, actor).call(() -> events.update(
                            "note = null, ipAddress = null, userAgent = null where contactId = ?1", id))
                    .call(() -> points.delete("contactId", id))
                    .call(() -> folds.delete("contactId", id))
                    .call(() -> factEvents.delete("contactId", id))
                    .call(() -> policies.delete("contactId", id))
                    .call(() -> subjects.deleteOutreachOf(id))
                    .call(() -> subjects.deleteAnswersNaming(id))
                    .invoke(() -> {
                        s.salt = null;
                        s.erasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    })
                    .call(() -> subjects.flush());
        });
    }

}
