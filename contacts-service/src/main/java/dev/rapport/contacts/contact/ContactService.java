package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.ContactPoint;
import dev.rapport.contacts.contactpoint.ContactPointService;
import dev.rapport.contacts.contactpoint.ContactPointView;
import dev.rapport.contacts.organisation.OrganisationService;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactService {
    @Inject
    ContactRepository contacts;
    @Inject
    OrganisationService organisations;
    @Inject
    ContactPointService points;
    @Inject
    Idempotency idempotency;
    @Inject
    Outbox outbox;

    /** Creates a contact; with an {@code Idempotency-Key} a retried request answers the first result and creates nothing. */
    @WithTransaction
    public Uni<ContactView> create(NewContact in, String idempotencyKey) {
        return idempotency.once("contacts.create", idempotencyKey, in, ContactView.class, () -> doCreate(in));
    }

    private Uni<ContactView> doCreate(NewContact in) {
        Contact c = new Contact();
        c.id = Ids.newId();
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        c.givenName = trim(in.givenName());
        c.familyName = trim(in.familyName());
        c.displayName = displayName(in.displayName(), c.givenName, c.familyName);
        c.organisationId = in.organisationId();
        c.owner = trim(in.owner());
        c.lifecycleStage = in.lifecycleStage() == null ? LifecycleStage.PROSPECT : in.lifecycleStage();
        c.tags = tags(in.tags());
        c.language = LanguageTag.normalise(in.language(), "language");
        List<ContactPoint> prepared = ContactPointService.prepare(c.id,
                in.contactPoints() == null ? List.of() : in.contactPoints(), "contactPoints");
        return organisationExists(c.organisationId, "organisationId")
                .chain(() -> contacts.persist(c))
                .chain(() -> contacts.flush())
                .chain(() -> points.store(prepared))
                .chain(() -> outbox.event(ContactEvents.CREATED, c.id,
                        new ContactEvents.Created(c.id, c.lifecycleStage.name(), c.organisationId)))
                .map(x -> ContactView.from(c, prepared.stream().map(ContactPointView::from).toList()));
    }

    @WithTransaction
    public Uni<ContactView> update(UUID id, ContactUpdate in) {
        String language = LanguageTag.normalise(in.language(), "language");
        return resolve(id).chain(c -> {
            if (c.version != in.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("version-conflict",
                        "Contact " + c.id + " is at version " + c.version + ", not " + in.version()));
            }
            Snapshot before = new Snapshot(c);
            return organisationExists(in.organisationId(), "organisationId").map(x -> {
                c.givenName = trim(in.givenName());
                c.familyName = trim(in.familyName());
                c.displayName = displayName(in.displayName(), c.givenName, c.familyName);
                c.organisationId = in.organisationId();
                c.owner = trim(in.owner());
                c.lifecycleStage = in.lifecycleStage();
                c.tags = tags(in.tags());
                if (in.language() != null) {
                    c.language = language;
                }
                c.updatedAt = Instant.now();
                return c;
            }).call(x -> updated(c, before.changes(c)));
        }).call(contacts::flush).chain(c -> points.listFor(List.of(c.id)).map(p -> ContactView.from(c, p)));
    }

    /** Sets (or with null clears) the language the person reads; no version needed, the last choice wins. */
    @WithTransaction
    public Uni<ContactView> setLanguage(UUID id, String tag) {
        String language = LanguageTag.normalise(tag, "language");
        return resolve(id).call(c -> {
            if (java.util.Objects.equals(c.language, language)) {
                return Uni.createFrom().voidItem();
            }
            c.language = language;
            c.updatedAt = Instant.now();
            return updated(c, List.of("language"));
        }).call(contacts::flush).chain(c -> points.listFor(List.of(c.id)).map(p -> ContactView.from(c, p)));
    }

    /** A contact.updated event naming the changed fields (none changed: no event). */
    private Uni<Void> updated(Contact c, List<String> changed) {
        return changed.isEmpty() ? Uni.createFrom().voidItem()
                : outbox.event(ContactEvents.UPDATED, c.id, ContactEvents.Updated.fields(c.id, changed));
    }

    /** The fields an update may change, before it: the event names what differs, never the values. */
    private record Snapshot(String givenName, String familyName, String displayName, UUID organisationId, String owner,
            LifecycleStage lifecycleStage, List<String> tags, String language) {
        Snapshot(Contact c) {
            this(c.givenName, c.familyName, c.displayName, c.organisationId, c.owner, c.lifecycleStage,
                    c.tags == null ? List.of() : List.of(c.tags), c.language);
        }

        List<String> changes(Contact c) {
            Snapshot after = new Snapshot(c);
            List<String> changed = new java.util.ArrayList<>();
            diff(changed, "givenName", givenName, after.givenName);
            diff(changed, "familyName", familyName, after.familyName);
            diff(changed, "displayName", displayName, after.displayName);
            diff(changed, "organisationId", organisationId, after.organisationId);
            diff(changed, "owner", owner, after.owner);
            diff(changed, "lifecycleStage", lifecycleStage, after.lifecycleStage);
            diff(changed, "tags", tags, after.tags);
            diff(changed, "language", language, after.language);
            return changed;
        }

        private static void diff(List<String> changed, String field, Object before, Object after) {
            if (!java.util.Objects.equals(before, after)) {
                changed.add(field);
            }
        }
    }

    @WithSession
    public Uni<ContactView> get(UUID id) {
        return resolve(id).chain(c -> points.listFor(List.of(c.id)).map(p -> ContactView.from(c, p)));
    }

    /** The id of the contact this id names today (itself, or the contact it was merged into). */
    @WithSession
    public Uni<UUID> resolveId(UUID id) {
        return resolve(id).map(c -> c.id);
    }

    /** The contact with this id, or the one it was merged into; 404 if neither exists. */
    public Uni<Contact> resolve(UUID id) {
        return contacts.findById(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Contact", id));
            }
            if (c.mergedInto != null) {
                return contacts.findById(c.mergedInto);
            }
            return Uni.createFrom().item(c);
        });
    }

    private Uni<Void> organisationExists(UUID organisationId, String field) {
        if (organisationId == null) {
            return Uni.createFrom().voidItem();
        }
        return organisations.require(organisationId)
                .onFailure(ProblemException.class).transform(e -> ProblemException.ruleOnField("unknown-organisation",
                        field, "organisation " + organisationId + " does not exist"))
                .replaceWithVoid();
    }

    static String displayName(String given, String first, String last) {
        String d = trim(given);
        if (d == null) {
            String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
            d = joined.isEmpty() ? null : joined;
        }
        if (d == null) {
            throw ProblemException.badField("displayName", "is required when givenName and familyName are both empty");
        }
        return d;
    }

    static String[] tags(List<String> tags) {
        if (tags == null) {
            return new String[0];
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        tags.forEach(t -> unique.add(t.strip().toLowerCase(java.util.Locale.ROOT)));
        return unique.toArray(String[]::new);
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
