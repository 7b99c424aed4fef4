package dev.rapport.contacts.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.PointContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matching rules, row by row. The database holds: Ada (ada@x, given name only, tag vip, external id crm-1),
 * Bob (bob@x, everything filled, no external id), and shared@x held by both Ada and Bob; crm-9 belongs to a contact
 * merged into Bob.
 */
class UpsertPlanTest {
    static final UUID ADA = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    static final UUID ORG = UUID.fromString("00000000-0000-7000-8000-0000000000f0");

    static UpsertPlan.Known known() {
        return new UpsertPlan.Known(
                Map.of("ada@x", List.of(ADA), "bob@x", List.of(BOB), "shared@x", List.of(ADA, BOB)),
                Map.of("crm-1", ADA, "crm-9", BOB),
                Map.of(ADA, new UpsertPlan.Existing(ADA, "Ada", null, null, null, List.of("vip"), null, "crm-1",
                                Set.of("EMAIL:ada@x", "EMAIL:shared@x")),
                        BOB, new UpsertPlan.Existing(BOB, "Bob", "Builder", ORG, "alice", List.of(), "fr", null,
                                Set.of("EMAIL:bob@x", "EMAIL:shared@x", "PHONE:+442079460018"))));
    }

    /** A row: line, given, family, owner, tags (;-separated), external id, then addresses (phones start with +). */
    static ContactRow row(long line, String given, String family, String owner, String tags, String externalId, String... addresses) {
        List<ContactRow.Point> points = Arrays.stream(addresses).map(a -> new ContactRow.Point(
                a.startsWith("+") ? Channel.PHONE : Channel.EMAIL, a, PointContext.WORK)).toList();
        return new ContactRow(line, given, family, given == null ? "Someone" : given, null, owner, LifecycleStage.LEAD,
                tags == null ? List.of() : List.of(tags.split(";")), null, externalId, points);
    }

    /** Outcomes as "line OUTCOME contact [changed]": N1, N2… for contacts the batch created, in creation order. */
    static List<String> plan(ImportMode mode, ContactRow... rows) {
        List<UUID> made = new ArrayList<>();
        UpsertPlan plan = new UpsertPlan(mode, known(), () -> {
            UUID id = UUID.randomUUID();
            made.add(id);
            return id;
        });
        for (ContactRow r : rows) {
            plan.add(r);
        }
        List<String> out = new ArrayList<>();
        for (UpsertPlan.RowOutcome o : plan.outcomes()) {
            String who = o.contactId() == null ? "-" : o.contactId().equals(ADA) ? "ADA" : o.contactId().equals(BOB) ? "BOB"
                    : "N" + (made.indexOf(o.contactId()) + 1);
            out.add(o.line() + " " + o.outcome() + " " + who + (o.changed().isEmpty() ? "" : " " + o.changed()));
        }
        for (RowError e : plan.errors()) {
            out.add(e.line() + " error " + e.field() + ": " + e.message().replace(ADA.toString(), "ADA").replace(BOB.toString(), "BOB")
                    .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "N"));
        }
        return out;
    }

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("new address creates", ImportMode.UPSERT, new ContactRow[] {row(2, "Cy", null, null, null, null, "cy@x")},
                        List.of("2 CREATED N1")),
                Arguments.of("e-mail match fills only empty fields, adds tags and points", ImportMode.UPSERT,
                        new ContactRow[] {row(2, "Adeline", "Lovelace", "bob", "vip;maths", null, "ada@x", "+33612345678")},
                        List.of("2 UPDATED ADA [family_name, owner, tags, phone]")),
                Arguments.of("nothing new is a match", ImportMode.UPSERT,
                        new ContactRow[] {row(2, "Robert", "B", "carol", null, null, "bob@x", "+442079460018")},
                        List.of("2 MATCHED BOB")),
                Arguments.of("external id match", ImportMode.UPSERT, new ContactRow[] {row(2, null, null, null, "maths", "crm-1")},
                        List.of("2 UPDATED ADA [tags]")),
                Arguments.of("external id of a merged-away contact reaches the survivor, and is not copied", ImportMode.UPSERT,
                        new ContactRow[] {row(2, null, null, null, null, "crm-9")}, List.of("2 MATCHED BOB")),
                Arguments.of("an e-mail match takes an external id the contact lacks", ImportMode.UPSERT,
                        new ContactRow[] {row(2, null, null, null, null, "crm-2", "bob@x")}, List.of("2 UPDATED BOB [external_id]")),
                Arguments.of("an e-mail match whose contact has another external id", ImportMode.UPSERT,
                        new ContactRow[] {row(2, null, null, null, null, "crm-2", "ada@x")},
                        List.of("2 ERROR -", "2 error external_id: differs from the external_id of contact ADA, which holds "
                                + "this row's e-mail address")),
                Arguments.of("an address held by two contacts", ImportMode.UPSERT, new ContactRow[] {row(2, "S", null, null, null, null, "shared@x")},
                        List.of("2 ERROR -", "2 error email: matches more than one contact: ADA, BOB; merge them "
                                + "(POST /contacts/{id}/merge) and import the row again")),
                Arguments.of("two addresses of two contacts", ImportMode.UPSERT,
                        new ContactRow[] {row(2, "S", null, null, null, null, "ada@x", "bob@x")},
                        List.of("2 ERROR -", "2 error email: matches more than one contact: ADA, BOB; merge them "
                                + "(POST /contacts/{id}/merge) and import the row again")),
                Arguments.of("external id and address of different contacts", ImportMode.UPSERT,
                        new ContactRow[] {row(2, "S", null, null, null, "crm-1", "bob@x")},
                        List.of("2 ERROR -", "2 error external_id: matches more than one contact: ADA, BOB; merge them "
                                + "(POST /contacts/{id}/merge) and import the row again")),
                Arguments.of("a later row matches a contact created by an earlier row of the batch", ImportMode.UPSERT,
                        new ContactRow[] {row(2, "Cy", null, null, null, null, "cy@x"), row(3, "Cyril", "Smith", null, null, null, "cy@x", "cy2@x"),
                                row(4, null, null, null, null, null, "cy2@x")},
                        List.of("2 CREATED N1", "3 UPDATED N1 [family_name, email]", "4 MATCHED N1")),
                Arguments.of("a point added by an earlier row makes a later row ambiguous", ImportMode.UPSERT,
                        new ContactRow[] {row(2, null, null, null, null, null, "ada@x", "new@x"), row(3, "X", null, null, null, null, "new@x", "bob@x")},
                        List.of("2 UPDATED ADA [email]", "3 ERROR -", "3 error email: matches more than one contact: ADA, BOB; "
                                + "merge them (POST /contacts/{id}/merge) and import the row again")),
                Arguments.of("create mode never matches an address", ImportMode.CREATE,
                        new ContactRow[] {row(2, "Ada", null, null, null, null, "ada@x"), row(3, "Ada", null, null, null, null, "ada@x")},
                        List.of("2 CREATED N1", "3 CREATED N2")),
                Arguments.of("create mode refuses an external id already held, in the database or earlier in the file",
                        ImportMode.CREATE, new ContactRow[] {row(2, "A", null, null, null, "crm-1"), row(3, "B", null, null, null, "crm-7"),
                                row(4, "C", null, null, null, "crm-7")},
                        List.of("2 ERROR -", "3 CREATED N1", "4 ERROR -",
                                "2 error external_id: is already the external_id of contact ADA; import with mode=upsert to fill that contact",
                                "4 error external_id: is already the external_id of contact N; import with mode=upsert to fill that contact")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ImportMode mode, ContactRow[] rows, List<String> expected) {
        assertEquals(expected, plan(mode, rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesOnlyWhatChanged(String name, ImportMode mode, ContactRow[] rows, List<String> expected) {
        UpsertPlan plan = new UpsertPlan(mode, known(), UUID::randomUUID);
        for (ContactRow r : rows) {
            plan.add(r);
        }
        Set<UUID> updated = plan.outcomes().stream().filter(o -> o.outcome() == ImportOutcome.UPDATED)
                .map(UpsertPlan.RowOutcome::contactId).collect(Collectors.toSet());
        Set<UUID> filledExisting = plan.filled().stream().map(t -> t.id).collect(Collectors.toSet());
        updated.removeAll(plan.created().stream().map(t -> t.id).toList());
        assertEquals(updated, filledExisting, "existing contacts written are exactly those an UPDATED row names");
        for (UpsertPlan.Target t : plan.filled()) {
            UpsertPlan.Existing before = known().contacts().get(t.id);
            assertTrue(before.givenName() == null || before.givenName().equals(t.givenName), "given name kept");
            assertTrue(before.owner() == null || before.owner().equals(t.owner), "owner kept");
            assertTrue(t.tags.containsAll(before.tags()), "tags kept");
            assertTrue(t.newPoints.stream().noneMatch(p -> before.pointKeys().contains(UpsertPlan.pointKey(p))), "no point twice");
        }
    }
}
