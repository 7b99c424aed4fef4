package dev.rapport.contacts.contactpoint;

import dev.rapport.contacts.contact.ContactService;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ContactPointService {
    @Inject
    ContactPointRepository points;
    @Inject
    ContactService contacts;
    @Inject
    Outbox outbox;

    /**
     * Validates and normalises new points for one contact; rejects a point that repeats another in the same
     * request. Nothing is stored.
     */
    public static List<ContactPoint> prepare(UUID contactId, List<NewContactPoint> in, String listField) {
        List<ContactPoint> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < in.size(); i++) {
            String prefix = listField == null ? "" : listField + "[" + i + "].";
            ContactPoint p = prepare(contactId, in.get(i), prefix, now);
            Integer earlier = seen.putIfAbsent(p.channel + "|" + p.address, i);
            if (earlier != null) {
                throw ProblemException.badField(prefix + "address", "repeats " + listField + "[" + earlier + "]");
            }
            out.add(p);
        }
        return out;
    }

    static ContactPoint prepare(UUID contactId, NewContactPoint in, String prefix, Instant now) {
        if (in.provenance().kind() != ProvenanceKind.INFERRED
                && (in.provenance().source() == null || in.provenance().source().isBlank())) {
            throw ProblemException.badField(prefix + "provenance.source",
                    "is required for " + in.provenance().kind() + " (the form, file or vendor it came from)");
        }
        if (in.capturedAt() != null && in.capturedAt().isAfter(now.plusSeconds(300))) {
            throw ProblemException.badField(prefix + "capturedAt", "is in the future");
        }
        AddressNormaliser.Normalised n = AddressNormaliser.normalise(in.channel(), in.address(), in.postal(), in.region(), prefix);
        ContactPoint p = new ContactPoint();
        p.id = Ids.newId();
        p.contactId = contactId;
        p.channel = in.channel();
        p.address = n.address();
        p.postal = n.postal();
        p.context = in.context();
        p.provenance = in.provenance().kind();
        p.provenanceSource = in.provenance().source() == null ? null : in.provenance().source().strip();
        p.capturedAt = in.capturedAt() == null ? now : in.capturedAt();
        p.verifiedAt = in.verifiedAt();
        p.createdAt = now;
        return p;
    }

    /** Stores prepared points with their outbox events; call inside a transaction. */
    public Uni<Void> store(List<ContactPoint> prepared) {
        if (prepared.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return points.persist(prepared)
                .chain(() -> outbox.append(prepared.stream().map(p -> ContactPointChange.of("ADDED", p)).toList()));
    }

    @WithTransaction
    public Uni<ContactPointView> add(UUID contactId, NewContactPoint in) {
        return contacts.resolve(contactId).chain(contact -> {
            ContactPoint p = prepare(contact.id, in, "", Instant.now());
            return points.find("contactId = ?1 and channel = ?2 and address = ?3", contact.id, p.channel, p.address)
                    .firstResult().chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().failure(ProblemException.conflict("duplicate-contact-point",
                                    "Contact " + contact.id + " already has this " + p.channel + " address as contact point "
                                            + existing.id));
                        }
                        return store(List.of(p)).call(() -> pointEvent(p, "ADDED")).replaceWith(ContactPointView.from(p));
                    });
        });
    }

    @WithTransaction
    public Uni<ContactPointView> update(UUID contactId, UUID pointId, ContactPointUpdate in) {
        return owned(contactId, pointId).chain(p -> {
            if (in.verifiedAt() != null && in.verifiedAt().isAfter(Instant.now().plusSeconds(300))) {
                return Uni.createFrom().failure(ProblemException.badField("verifiedAt", "is in the future"));
            }
            p.context = in.context();
            p.verifiedAt = in.verifiedAt();
            return outbox.append(List.of(ContactPointChange.of("UPDATED", p))).call(() -> pointEvent(p, "UPDATED"))
                    .replaceWith(ContactPointView.from(p));
        });
    }

    @WithTransaction
    public Uni<Void> remove(UUID contactId, UUID pointId) {
        return owned(contactId, pointId)
                .chain(p -> points.delete(p).chain(() -> outbox.append(List.of(ContactPointChange.of("REMOVED", p))))
                        .chain(() -> pointEvent(p, "REMOVED")));
    }

    /** The partner webhook event for a point added, changed or removed on its own (its channel, never its address). */
    private Uni<Void> pointEvent(ContactPoint p, String change) {
        return outbox.event(ContactEvents.UPDATED, p.contactId,
                ContactEvents.Updated.point(p.contactId, p.id, change, p.channel.name()));
    }

    @WithSession
    public Uni<List<ContactPointView>> list(UUID contactId) {
        return contacts.resolve(contactId).chain(c -> listFor(List.of(c.id)));
    }

    public Uni<List<ContactPointView>> listFor(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return points.ofContacts(contactIds).map(l -> l.stream().map(ContactPointView::from).toList());
    }

    private Uni<ContactPoint> owned(UUID contactId, UUID pointId) {
        return contacts.resolve(contactId).chain(c -> points.findById(pointId).map(p -> {
            if (p == null || !p.contactId.equals(c.id)) {
                throw ProblemException.notFound("Contact point", pointId);
            }
            return p;
        }));
    }
}
