package dev.rapport.consent.facts;

import dev.rapport.consent.common.Hashing;
import dev.rapport.consent.subject.ConsentSubject;
import dev.rapport.consent.subject.ConsentSubjectRepository;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies contact-point changes from contacts-service's outbox. The whole batch is one transaction: a 2xx means
 * every event is stored, anything else means nothing is and the sender retries the batch.
 */
@ApplicationScoped
public class FactsService {
    @Inject
    ContactPointFactRepository facts;
    @Inject
    ReceivedFactEventRepository received;
    @Inject
    ContactMergeRepository merges;
    @Inject
    ContactPointFoldRepository folds;
    @Inject
    ConsentSubjectRepository subjects;
    @Inject
    Tracer tracer;

    public record BatchResult(int applied, int duplicates) {
    }

    @WithTransaction
    public Uni<BatchResult> apply(List<ContactPointChangeEvent> batch) {
        validate(batch);
        List<UUID> ids = batch.stream().map(ContactPointChangeEvent::eventId).toList();
        return received.list("eventId in :ids", Parameters.with("ids", ids)).chain(seen -> {
            Set<UUID> done = new HashSet<>();
            seen.forEach(r -> done.add(r.eventId));
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (ContactPointChangeEvent e : batch) {
                if (!done.add(e.eventId())) {
                    continue;
                }
                chain = chain.chain(n -> traced(e, () -> applyOne(e)).replaceWith(n + 1));
            }
            return chain.map(applied -> new BatchResult(applied, batch.size() - applied));
        });
    }

    /**
     * A batch arrives in the relay's trace, which continues only its first event's writer; each event's own span
     * continues the trace of the request that changed the contact point, so every write stays one trace.
     */
    private Uni<Void> traced(ContactPointChangeEvent e, Supplier<Uni<Void>> work) {
        Optional<Context> writer = TraceContext.restore(e.traceparent());
        if (writer.isEmpty()) {
            return work.get();
        }
        Span span = tracer.spanBuilder("apply " + e.type()).setParent(writer.get()).setSpanKind(SpanKind.CONSUMER)
                .addLink(Span.current().getSpanContext())
                .setAttribute("rapport.outbox.event_id", e.eventId().toString()).startSpan();
        return work.get().onTermination().invoke((ok, failure, cancelled) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
    }

    private Uni<Void> applyOne(ContactPointChangeEvent e) {
        var p = e.payload();
        ReceivedFactEvent r = new ReceivedFactEvent();
        r.eventId = e.eventId();
        r.seq = e.seq();
        r.contactId = p.contactId();
        r.change = p.change();
        r.receivedAt = Instant.now();
        Uni<Void> effect = switch (p.change()) {
            case ADDED, UPDATED -> upsert(e);
            case REMOVED -> remove(e);
            case MERGED -> merge(p.mergedContactId(), p.contactId(), e.occurredAt());
        };
        return received.persist(r).chain(() -> effect).chain(() -> received.flush());
    }

    private Uni<Void> upsert(ContactPointChangeEvent e) {
        var p = e.payload();
        return subjects.lockOrCreate(p.contactId()).chain(subject -> {
            if (subject.erased()) {
                return Uni.createFrom().voidItem(); // an erased person stays erased; the point is not kept
            }
            return facts.findById(p.contactPointId()).chain(existing -> {
                if (existing != null && existing.lastSeq > e.seq()) {
                    return Uni.createFrom().voidItem(); // an older change arriving late loses to the newer one
                }
                return hashKey(existing, subject).map(key -> {
                    ContactPointFact f = existing == null ? new ContactPointFact() : existing;
                    if (existing == null) {
                        f.contactPointId = p.contactPointId();
                        f.addedAt = e.occurredAt();
                    }
                    if (f.removedAt != null) {
                        f.addedAt = e.occurredAt();
                        f.removedAt = null;
                    }
                    f.contactId = p.contactId();
                    f.channel = p.channel();
                    f.hashKeyContactId = key.contactId;
                    f.addressHash = Hashing.hmac(key.salt, p.channel() + ":" + p.address());
                    f.context = p.context();
                    f.provenance = p.provenance();
                    f.provenanceSource = p.provenanceSource();
                    f.verifiedAt = p.verifiedAt();
                    f.undeliverableAt = null; // the point changed: worth trying again
                    f.changedAt = e.occurredAt();
                    f.lastSeq = e.seq();
                    f.updatedAt = Instant.now();
                    return f;
                }).chain(f -> existing == null ? facts.persist(f).replaceWithVoid() : Uni.createFrom().voidItem());
            });
        });
    }

    /**
     * Whose salt keys a point's address hash: the contact it was first seen under, even after a merge moved it (so
     * the hash a consent event kept still matches the unchanged address); the point's own contact when that key is
     * gone (erased) or the point is new.
     */
    private Uni<ConsentSubject> hashKey(ContactPointFact existing, ConsentSubject owner) {
        if (existing == null || existing.hashKeyContactId == null || existing.hashKeyContactId.equals(owner.contactId)) {
            return Uni.createFrom().item(owner);
        }
        return subjects.findById(existing.hashKeyContactId).map(first -> first == null || first.salt == null ? owner : first);
    }

    private Uni<Void> remove(ContactPointChangeEvent e) {
        return facts.findById(e.payload().contactPointId()).chain(f -> {
            if (f == null || f.lastSeq > e.seq() || !f.contactId.equals(e.payload().contactId())) {
                return Uni.createFrom().voidItem();
            }
            return fold(f, e.payload().mergedIntoPointId(), e.occurredAt()).invoke(() -> {
                f.removedAt = e.occurredAt();
                f.addressHash = null; // not needed once the point is gone
                f.changedAt = e.occurredAt();
                f.lastSeq = e.seq();
                f.updatedAt = Instant.now();
            });
        });
    }

    /**
     * A merge removed this point because the survivor already held its address ({@code mergedIntoPointId}, the point
     * kept): consents naming the removed point cover the kept one from now on ({@code ledger.Coverage}).
     */
    private Uni<Void> fold(ContactPointFact removed, UUID mergedIntoPointId, Instant at) {
        if (mergedIntoPointId == null || removed.addressHash == null) {
            return Uni.createFrom().voidItem();
        }
        return facts.findById(mergedIntoPointId).chain(into -> into == null || into.addressHash == null || into.removedAt != null
                ? Uni.createFrom().voidItem()
                : folds.fold(into.contactId, removed, into, at));
    }

    private Uni<Void> merge(UUID mergedAway, UUID survivor, Instant at) {
        return merges.findById(mergedAway).chain(existing -> {
            ContactMerge m = existing == null ? new ContactMerge() : existing;
            m.mergedContactId = mergedAway;
            m.survivorId = survivor;
            m.mergedAt = at;
            Uni<?> write = existing == null ? merges.persist(m) : Uni.createFrom().nullItem();
            // Contacts merged earlier into the one merged away now belong to the survivor too, from this merge on: as of
            // an earlier instant they were not the survivor's (as-of decisions and consents read merged_at).
            return write.chain(() -> merges.update("survivorId = ?1, mergedAt = case when mergedAt < ?3 then ?3 else mergedAt end "
                            + "where survivorId = ?2", survivor, mergedAway, at))
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<List<ContactPointFactView>> pointsOf(UUID contactId) {
        return facts.ofContact(contactId).map(l -> l.stream().map(ContactPointFactView::from).toList());
    }

    static void validate(List<ContactPointChangeEvent> batch) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            var p = batch.get(i).payload();
            String at = "[" + i + "].payload.";
            switch (p.change()) {
                case ADDED, UPDATED -> {
                    require(errors, p.contactPointId(), at + "contactPointId");
                    require(errors, p.channel(), at + "channel");
                    require(errors, p.provenance(), at + "provenance");
                    if (p.address() == null || p.address().isBlank()) {
                        errors.add(new Problem.FieldError(at + "address", "is required for " + p.change()));
                    }
                }
                case REMOVED -> {
                    require(errors, p.contactPointId(), at + "contactPointId");
                    if (p.mergedIntoPointId() != null && p.mergedIntoPointId().equals(p.contactPointId())) {
                        errors.add(new Problem.FieldError(at + "mergedIntoPointId", "must differ from contactPointId"));
                    }
                }
                case MERGED -> {
                    require(errors, p.mergedContactId(), at + "mergedContactId");
                    if (p.contactId().equals(p.mergedContactId())) {
                        errors.add(new Problem.FieldError(at + "mergedContactId", "must differ from contactId"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private static void require(List<Problem.FieldError> errors, Object value, String field) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required for this change"));
        }
    }

}
