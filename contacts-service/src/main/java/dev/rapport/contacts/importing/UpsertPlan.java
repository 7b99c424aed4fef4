package dev.rapport.contacts.importing;

import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides, for the rows of one batch in file order, which contact each row creates or fills, from what the database
 * knew when the batch started ({@link Known}) and what earlier rows of the batch did. Plain Java: the rules live
 * here and are tested row by row (UpsertPlanTest); {@link BatchWriter} only looks up and writes.
 *
 * <p>The rules (docs/import.md): a row matches a contact holding one of its e-mail addresses or its external_id
 * (UPSERT only; CREATE matches nothing and refuses an external_id already held). Matching two contacts is a row
 * error naming both. A match fills what the contact lacks — given and family name, organisation, owner, language,
 * external id — and adds tags and contact points it does not have; it never changes a value the contact has.
 */
final class UpsertPlan {

    /** What the database holds for the keys of a batch: owners of e-mail addresses and external ids, and the owners. */
    record Known(Map<String, List<UUID>> emailOwners, Map<String, UUID> externalIdOwners, Map<UUID, Existing> contacts) {
        static final Known NOTHING = new Known(Map.of(), Map.of(), Map.of());
    }

    /** A live contact a row may fill: the fields that can be filled and the contact points it has (channel:address). */
    record Existing(UUID id, String givenName, String familyName, UUID organisationId, String owner, List<String> tags,
            String language, String externalId, Set<String> pointKeys) {
    }

    /** What became of one row; {@code changed} names what an UPDATED row filled or added. */
    record RowOutcome(long line, ImportOutcome outcome, UUID contactId, List<String> changed) {
    }

    /** A contact this batch creates or fills, as it will be once the batch is written. */
    static final class Target {
        final UUID id;
        final boolean created;
        final String displayName;
        final LifecycleStage stage;
        String givenName;
        String familyName;
        UUID organisationId;
        String owner;
        String language;
        String externalId;
        final LinkedHashSet<String> tags;
        final Set<String> pointKeys = new LinkedHashSet<>();
        /** Points this batch adds to the contact: all of a created contact's, the new ones of a filled contact. */
        final List<ContactRow.Point> newPoints = new ArrayList<>();
        boolean changed;

        private Target(UUID id, ContactRow row) {
            this.id = id;
            this.created = true;
            this.displayName = row.displayName();
            this.stage = row.stage();
            this.givenName = row.givenName();
            this.familyName = row.familyName();
            this.organisationId = row.organisationId();
            this.owner = row.owner();
            this.language = row.language();
            this.externalId = row.externalId();
            this.tags = new LinkedHashSet<>(row.tags());
        }

        private Target(Existing e) {
            this.id = e.id();
            this.created = false;
            this.displayName = null;
            this.stage = null;
            this.givenName = e.givenName();
            this.familyName = e.familyName();
            this.organisationId = e.organisationId();
            this.owner = e.owner();
            this.language = e.language();
            this.externalId = e.externalId();
            this.tags = new LinkedHashSet<>(e.tags());
            this.pointKeys.addAll(e.pointKeys());
        }

        List<String> tagList() {
            return List.copyOf(tags);
        }
    }

    private final ImportMode mode;
    private final Known known;
    private final Supplier<UUID> newId;
    private final Map<String, Set<UUID>> emailOwners = new HashMap<>();
    private final Map<String, UUID> externalIdOwners = new HashMap<>();
    private final Map<UUID, Target> targets = new LinkedHashMap<>();
    private final List<RowOutcome> outcomes = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    UpsertPlan(ImportMode mode, Known known, Supplier<UUID> newId) {
        this.mode = mode;
        this.known = known;
        this.newId = newId;
        known.emailOwners().forEach((address, ids) -> emailOwners.put(address, new LinkedHashSet<>(ids)));
        externalIdOwners.putAll(known.externalIdOwners());
    }

    static String pointKey(ContactRow.Point p) {
        return p.channel().name() + ":" + p.address();
    }

    /** E-mail addresses and external ids of the rows: what {@link Known} must be looked up for. */
    static Set<String> emails(List<ContactRow> rows) {
        Set<String> emails = new LinkedHashSet<>();
        rows.forEach(r -> r.points().stream().filter(p -> p.channel() == Channel.EMAIL).forEach(p -> emails.add(p.address())));
        return emails;
    }

    static Set<String> externalIds(List<ContactRow> rows) {
        return rows.stream().map(ContactRow::externalId).filter(id -> id != null).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Decides one row; rows must come in file order. */
    void add(ContactRow row) {
        UUID byExternalId = row.externalId() == null ? null : externalIdOwners.get(row.externalId());
        if (mode == ImportMode.CREATE) {
            if (byExternalId != null) {
                error(row, "external_id", "is already the external_id of contact " + byExternalId
                        + "; import with mode=upsert to fill that contact");
            } else {
                create(row);
            }
            return;
        }
        Set<UUID> byEmail = new LinkedHashSet<>();
        for (ContactRow.Point p : row.points()) {
            if (p.channel() == Channel.EMAIL) {
                byEmail.addAll(emailOwners.getOrDefault(p.address(), Set.of()));
            }
        }
        Set<UUID> candidates = new LinkedHashSet<>();
        if (byExternalId != null) {
            candidates.add(byExternalId);
        }
        candidates.addAll(byEmail);
        if (candidates.size() > 1) {
            String field = byEmail.size() > 1 ? "email" : "external_id";
            error(row, field, "matches more than one contact: " + candidates.stream().map(UUID::toString)
                    .collect(Collectors.joining(", ")) + "; merge them (POST /contacts/{id}/merge) and import the row again");
            return;
        }
        if (candidates.isEmpty()) {
            create(row);
            return;
        }
        Target target = target(candidates.iterator().next());
        if (byExternalId == null && row.externalId() != null && target.externalId != null) {
            error(row, "external_id", "differs from the external_id of contact " + target.id
                    + ", which holds this row's e-mail address");
            return;
        }
        List<String> changed = fill(target, row, byExternalId == null);
        target.changed |= !changed.isEmpty();
        outcomes.add(new RowOutcome(row.line(), changed.isEmpty() ? ImportOutcome.MATCHED : ImportOutcome.UPDATED, target.id, changed));
    }

    private void create(ContactRow row) {
        Target t = new Target(newId.get(), row);
        targets.put(t.id, t);
        if (row.externalId() != null) {
            externalIdOwners.put(row.externalId(), t.id);
        }
        for (ContactRow.Point p : row.points()) {
            addPoint(t, p);
        }
        outcomes.add(new RowOutcome(row.line(), ImportOutcome.CREATED, t.id, List.of()));
    }

    private Target target(UUID id) {
        return targets.computeIfAbsent(id, k -> {
            Existing e = known.contacts().get(k);
            if (e == null) {
                throw new IllegalStateException("Contact " + k + " was matched but not loaded");
            }
            return new Target(e);
        });
    }

    private List<String> fill(Target t, ContactRow row, boolean mayTakeExternalId) {
        List<String> changed = new ArrayList<>();
        if (t.givenName == null && row.givenName() != null) {
            t.givenName = row.givenName();
            changed.add("given_name");
        }
        if (t.familyName == null && row.familyName() != null) {
            t.familyName = row.familyName();
            changed.add("family_name");
        }
        if (t.organisationId == null && row.organisationId() != null) {
            t.organisationId = row.organisationId();
            changed.add("organisation_domain");
        }
        if (t.owner == null && row.owner() != null) {
            t.owner = row.owner();
            changed.add("owner");
        }
        if (t.language == null && row.language() != null) {
            t.language = row.language();
            changed.add("language");
        }
        if (mayTakeExternalId && t.externalId == null && row.externalId() != null) {
            t.externalId = row.externalId();
            externalIdOwners.put(row.externalId(), t.id);
            changed.add("external_id");
        }
        if (t.tags.addAll(row.tags())) {
            changed.add("tags");
        }
        for (ContactRow.Point p : row.points()) {
            if (addPoint(t, p)) {
                String field = p.channel().name().toLowerCase(Locale.ROOT);
                if (!changed.contains(field)) {
                    changed.add(field);
                }
            }
        }
        return changed;
    }

    private boolean addPoint(Target t, ContactRow.Point p) {
        if (!t.pointKeys.add(pointKey(p))) {
            return false;
        }
        t.newPoints.add(p);
        if (p.channel() == Channel.EMAIL) {
            emailOwners.computeIfAbsent(p.address(), a -> new LinkedHashSet<>()).add(t.id);
        }
        return true;
    }

    private void error(ContactRow row, String field, String message) {
        errors.add(new RowError(row.line(), field, message));
        outcomes.add(new RowOutcome(row.line(), ImportOutcome.ERROR, null, List.of()));
    }

    List<RowOutcome> outcomes() {
        return outcomes;
    }

    List<RowError> errors() {
        return errors;
    }

    List<Target> created() {
        return targets.values().stream().filter(t -> t.created).toList();
    }

    /** Existing contacts this batch fills (fields, tags or points). */
    List<Target> filled() {
        return targets.values().stream().filter(t -> !t.created && t.changed).toList();
    }
}
