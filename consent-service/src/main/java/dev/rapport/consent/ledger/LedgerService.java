package dev.rapport.consent.ledger;

import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.facts.ContactMergeRepository;
import dev.rapport.consent.facts.ContactPointFactRepository;
import dev.rapport.consent.purpose.PurposeRepository;
import dev.rapport.consent.subject.ConsentSubject;
import dev.rapport.consent.subject.ConsentSubjectRepository;
import dev.rapport.consent.webhook.ConsentEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.webhooks.WebhookOutbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import dev.rapport.platform.idempotency.Idempotency;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Appends to and reads the ledger. Nothing here updates or deletes an event. */
@ApplicationScoped
public class LedgerService {
    @Inject
    ConsentEventRepository events;
    @Inject
    ConsentSubjectRepository subjects;
    @Inject
    PurposeRepository purposes;
    @Inject
    ContactPointFactRepository points;
    @Inject
    ContactMergeRepository merges;
    @Inject
    ConsentConfig config;
    @Inject
    Idempotency idempotency;
    @Inject
    ConsentStateQueries stateQueries;
    @Inject
    WebhookOutbox webhooks;

    /** Who records an event: the actor name goes into the evidence; a contact may only use the preference centre. */
    public record Recorder(String actor, boolean isContact) {
    }

    @WithTransaction
    public Uni<ConsentEventView> record(UUID contactId, NewConsentEvent in, Recorder by) {
        return record(contactId, in, by, null);
    }

    /**
     * Records an event; with an {@code Idempotency-Key} a retried request (its answer lost to a crash or a timeout)
     * answers the event recorded first and appends nothing: a ledger is append-only, so a duplicate could never be
     * taken back.
     */
    @WithTransaction
    public Uni<ConsentEventView> record(UUID contactId, NewConsentEvent in, Recorder by, String idempotencyKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        validate(in, by, now);
        return idempotency.once("consent-events:" + contactId + ":" + by.actor(), idempotencyKey, in, ConsentEventView.class,
                () -> merges.survivorOf(contactId).chain(subjectId -> append(subjectId, in, by, now)).map(ConsentEventView::from));
    }

    /**
     * Appends one event for a contact inside the caller's transaction. The subject row is locked first, so
     * concurrent appends for one contact queue up and each links to the hash of the one before.
     */
    public Uni<ConsentEvent> append(UUID contactId, NewConsentEvent in, Recorder by, Instant now) {
        return subjects.lockOrCreate(contactId).chain(subject -> appendLocked(subject, in, by, now));
    }

    /** What {@link #recordOnce} did: appended {@code event}, or found it already in force and appended nothing. */
    public record Recorded(ConsentEventView event, boolean appended) {
    }

    /**
     * Records an event unless the contact's newest event for its purpose already says the same from the same form
     * (kind, channel, contact point and formId): then it answers that event and appends nothing. For links a person
     * or their mail client may follow twice, such as a message's unsubscribe link: the ledger is append-only, so a
     * duplicate could never be taken back. Any later event for the purpose (a new grant) makes the next one count
     * again. The subject is locked before the newest event is read, so two at once append one.
     */
    @WithTransaction
    public Uni<Recorded> recordOnce(UUID contactId, NewConsentEvent in, Recorder by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        validate(in, by, now);
        return merges.survivorOf(contactId).chain(subjectId -> subjects.lockOrCreate(subjectId)
                .chain(subject -> events.newestFor(subjectId, in.purpose()).chain(last -> repeats(last, in)
                        ? Uni.createFrom().item(new Recorded(ConsentEventView.from(last), false))
                        : appendLocked(subject, in, by, now).map(e -> new Recorded(ConsentEventView.from(e), true)))));
    }

    static boolean repeats(ConsentEvent last, NewConsentEvent in) {
        String formId = in.evidence() == null ? null : blankToNull(in.evidence().formId());
        return last != null && formId != null && formId.equals(last.formId) && last.kind == in.kind()
                && last.channel == in.channel() && Objects.equals(last.contactPointId, in.contactPointId());
    }

    private Uni<ConsentEvent> appendLocked(ConsentSubject subject, NewConsentEvent in, Recorder by, Instant now) {
        if (subject.erased()) {
            return Uni.createFrom().failure(ProblemException.rule("subject-erased",
                    "Contact " + subject.contactId + " was erased; nothing more is recorded about them"));
        }
        return purposes.findById(in.purpose()).chain(purpose -> {
            if (purpose == null) {
                return Uni.createFrom().failure(new ProblemException(422, "unknown-purpose", "Rule violated",
                        "purpose: " + in.purpose() + " is not defined",
                        List.of(new Problem.FieldError("purpose", "is not a defined purpose"))));
            }
            ConsentEvent e = new ConsentEvent();
            e.lawfulBasis = in.lawfulBasis() != null ? in.lawfulBasis() : purpose.lawfulBasis;
            return scopeTo(e, subject.contactId, in).chain(() -> link(subject, e, in, by, now));
        });
    }

    private Uni<Void> scopeTo(ConsentEvent e, UUID contactId, NewConsentEvent in) {
        e.channel = in.channel();
        e.contactPointId = in.contactPointId();
        if (in.contactPointId() == null) {
            return Uni.createFrom().voidItem();
        }
        return points.findById(in.contactPointId()).map(fact -> {
            if (fact == null) {
                if (in.channel() == null) {
                    throw ProblemException.badField("channel", "is required for a contact point consent-service has not heard of yet");
                }
                return null;
            }
            if (!fact.contactId.equals(contactId)) {
                throw new ProblemException(422, "contact-point-of-another-contact", "Rule violated",
                        "contactPointId: contact point " + fact.contactPointId + " does not belong to contact " + contactId,
                        List.of(new Problem.FieldError("contactPointId", "belongs to another contact")));
            }
            if (in.channel() != null && in.channel() != fact.channel) {
                throw ProblemException.badField("channel", "does not match the contact point's channel " + fact.channel);
            }
            e.channel = fact.channel;
            e.pointHash = fact.addressHash;
            return null;
        });
    }

    private Uni<ConsentEvent> link(ConsentSubject subject, ConsentEvent e, NewConsentEvent in, Recorder by, Instant now) {
        NewConsentEvent.Evidence ev = in.evidence();
        e.id = Ids.newId();
        e.contactId = subject.contactId;
        e.seq = subject.headSeq + 1;
        e.kind = in.kind();
        e.purpose = in.purpose();
        e.source = in.source();
        e.formId = ev == null ? null : blankToNull(ev.formId());
        e.wordingHash = ev == null ? null : ev.wordingHash();
        e.note = ev == null ? null : blankToNull(ev.note());
        e.ipAddress = ev == null ? null : blankToNull(ev.ipAddress());
        e.userAgent = ev == null ? null : blankToNull(ev.userAgent());
        e.actor = by.actor();
        e.recordedAt = now;
        e.occurredAt = in.occurredAt() == null ? now : in.occurredAt().truncatedTo(ChronoUnit.MICROS);
        e.expiresAt = in.expiresAt() == null ? null : in.expiresAt().truncatedTo(ChronoUnit.MICROS);
        e.until = in.until() == null ? null : in.until().truncatedTo(ChronoUnit.MICROS);
        e.personalDigest = ChainHash.personalDigest(subject.salt, e.note, e.ipAddress, e.userAgent);
        e.prevHash = subject.headHash;
        e.hash = ChainHash.of(e);
        subject.headSeq = e.seq;
        subject.headHash = e.hash;
        return events.persist(e).call(events::flush).call(this::announce);
    }

    /** Appends the service's own erasure marker; the subject is already locked by the caller. */
    public Uni<ConsentEvent> appendErasure(ConsentSubject subject, String actor) {
        ConsentEvent e = new ConsentEvent();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.id = Ids.newId();
        e.contactId = subject.contactId;
        e.seq = subject.headSeq + 1;
        e.kind = EventKind.ERASURE;
        e.source = EventSource.SYSTEM;
        e.actor = actor;
        e.recordedAt = now;
        e.occurredAt = now;
        e.prevHash = subject.headHash;
        e.hash = ChainHash.of(e);
        subject.headSeq = e.seq;
        subject.headHash = e.hash;
        return events.persist(e).call(events::flush).call(this::announce);
    }

    /** consent.changed for partner webhooks, in the transaction that appended the event. */
    private Uni<Void> announce(ConsentEvent e) {
        return webhooks.append(ConsentEvents.CONSENT_CHANGED, e.contactId, ConsentEvents.ConsentChanged.of(e));
    }

    void validate(NewConsentEvent in, Recorder by, Instant now) {
        if (in.kind() == EventKind.ERASURE) {
            throw ProblemException.badField("kind", "ERASURE is recorded by the erasure endpoint only");
        }
        if (in.source() == EventSource.SYSTEM) {
            throw ProblemException.badField("source", "SYSTEM is reserved for the service itself");
        }
        if (by.isContact() && in.source() != EventSource.PREFERENCE_CENTRE) {
            throw ProblemException.badField("source", "a contact records through PREFERENCE_CENTRE only");
        }
        if (in.kind() == EventKind.GRANT && in.channel() == null && in.contactPointId() == null) {
            throw ProblemException.badField("channel", "is required for a grant (a grant is per channel)");
        }
        Instant occurred = in.occurredAt() == null ? now : in.occurredAt();
        if (occurred.isAfter(now.plusSeconds(300))) {
            throw ProblemException.badField("occurredAt", "is in the future");
        }
        if (occurred.isBefore(now.minus(config.ledger().maxBackdate()))) {
            throw ProblemException.badField("occurredAt", "is further in the past than " + config.ledger().maxBackdate());
        }
        if (in.expiresAt() != null && in.kind() != EventKind.GRANT) {
            throw ProblemException.badField("expiresAt", "applies to grants only");
        }
        if (in.expiresAt() != null && !in.expiresAt().isAfter(occurred)) {
            throw ProblemException.badField("expiresAt", "must be after occurredAt");
        }
        if (in.until() != null && in.kind() != EventKind.OBJECT) {
            throw ProblemException.badField("until", "applies to objections only");
        }
        if (in.until() != null && !in.until().isAfter(occurred)) {
            throw ProblemException.badField("until", "must be after occurredAt");
        }
    }

    @WithSession
    public Uni<Page<ConsentEventView>> list(UUID contactId, String cursor, int limit) {
        List<String> keys = Cursor.decode(cursor, 1);
        long after;
        try {
            after = keys.isEmpty() ? 0 : Long.parseLong(keys.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        return events.page(contactId, after, limit)
                .map(rows -> Page.of(rows, limit, ConsentEventView::from, e -> Cursor.encode(e.seq)));
    }

    /**
     * The {@code limit} newest ledger events of each contact, newest first, with each contact's cursor to the older
     * events; a cursor (one contact only) continues from there.
     */
    @WithSession
    public Uni<List<PerContact<ConsentEventView>>> newestOf(List<UUID> contactIds, String cursor, int limit) {
        List<String> keys = Cursor.decode(cursor, 1);
        if (!keys.isEmpty() && contactIds.size() > 1) {
            throw ProblemException.badField("cursor", "continues one contact's ledger; ask for that contact alone");
        }
        Long before;
        try {
            before = keys.isEmpty() ? null : Long.parseLong(keys.get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        return events.newestOf(contactIds, before, limit + 1).map(rows -> PerContact.paged(contactIds,
                rows.stream().map(ConsentEventView::from).toList(), limit, ConsentEventView::contactId,
                e -> Cursor.encode(e.seq())));
    }

    @WithSession
    public Uni<ConsentEventView> get(UUID id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Consent event", id))
                .map(ConsentEventView::from);
    }

    @WithSession
    public Uni<ChainVerification> verify(UUID contactId) {
        return subjects.findById(contactId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Contact", contactId));
            }
            return events.chainOf(contactId).map(chain -> ChainVerifier.verify(subject, chain));
        });
    }

    /** The state in force at {@code at} for every scope the ledger mentions, following merges made by then. */
    public Uni<List<ConsentState>> state(UUID contactId, Instant at) {
        return states(List.of(contactId), at).map(all -> all.get(0));
    }

    /** {@link #state} for many contacts in one statement, in the order asked (ids distinct). */
    public Uni<List<List<ConsentState>>> states(List<UUID> contactIds, Instant at) {
        return stateQueries.inputs(contactIds, at).map(all -> all.stream()
                .map(in -> Projection.of(in.events(), in.pointHashes(), in.folds(), at))
                .toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
