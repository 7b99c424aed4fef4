package dev.rapport.contacts.importing;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of matching imports, on the batch's own JDBC connection and transaction: at most three statements per
 * batch whatever its size (who holds the batch's addresses and external ids; those contacts, locked; their filled
 * values), so an upsert batch costs a constant number of round trips more than a create batch.
 *
 * <p>Why JDBC and not Hibernate Reactive or the reactive SQL client: these statements must run in the batch's own
 * transaction, which is a JDBC one because the import writes with COPY ({@link BatchWriter}, 0.59x of PostgreSQL's
 * own floor with COPY, bench/import/README.md, 2026-12-06); the match itself has no figure of its own.
 */
final class ImportMatchQueries {
    private ImportMatchQueries() {
    }

    /** Looks up the owners of the batch's keys, then loads and locks those contacts until the batch commits. */
    static UpsertPlan.Known known(Connection c, Set<String> emails, Set<String> externalIds) throws SQLException {
        if (emails.isEmpty() && externalIds.isEmpty()) {
            return UpsertPlan.Known.NOTHING;
        }
        Map<String, List<UUID>> emailOwners = new HashMap<>();
        Map<String, UUID> externalIdOwners = new HashMap<>();
        Set<UUID> owners = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                select 'EMAIL', p.address, c.id from contact_points p join contacts c on c.id = p.contact_id
                where p.channel = 'EMAIL' and p.address = any(?) and c.merged_into is null and c.erased_at is null
                union all
                select 'EXTERNAL_ID', c.external_id, coalesce(c.merged_into, c.id) from contacts c
                where c.external_id = any(?)""")) {
            s.setArray(1, c.createArrayOf("text", emails.toArray()));
            s.setArray(2, c.createArrayOf("text", externalIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID owner = rs.getObject(3, UUID.class);
                    owners.add(owner);
                    if ("EMAIL".equals(rs.getString(1))) {
                        emailOwners.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(owner);
                    } else {
                        externalIdOwners.put(rs.getString(2), owner);
                    }
                }
            }
        }
        return new UpsertPlan.Known(emailOwners, externalIdOwners, contacts(c, owners));
    }

    private static Map<UUID, UpsertPlan.Existing> contacts(Connection c, Set<UUID> ids) throws SQLException {
        Map<UUID, UpsertPlan.Existing> contacts = new HashMap<>();
        if (ids.isEmpty()) {
            return contacts;
        }
        // Locked in id order: the fill below is computed from these values, and two imports never deadlock.
        try (PreparedStatement s = c.prepareStatement("""
                select c.id, c.given_name, c.family_name, c.organisation_id, c.owner, c.tags, c.language, c.external_id,
                       array(select p.channel || ':' || p.address from contact_points p where p.contact_id = c.id) as points
                from contacts c where c.id = any(?) order by c.id for update of c""")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    contacts.put(id, new UpsertPlan.Existing(id, rs.getString("given_name"), rs.getString("family_name"),
                            rs.getObject("organisation_id", UUID.class), rs.getString("owner"), strings(rs.getArray("tags")),
                            rs.getString("language"), rs.getString("external_id"),
                            new LinkedHashSet<>(strings(rs.getArray("points")))));
                }
            }
        }
        return contacts;
    }

    /** Writes what the plan filled in existing contacts, in one statement; bumps their version like any edit. */
    static void fill(Connection c, List<UpsertPlan.Target> filled) throws SQLException {
        if (filled.isEmpty()) {
            return;
        }
        int n = filled.size();
        UUID[] ids = new UUID[n];
        UUID[] organisations = new UUID[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            UpsertPlan.Target t = filled.get(i);
            ids[i] = t.id;
            organisations[i] = t.organisationId;
            text[0][i] = t.givenName;
            text[1][i] = t.familyName;
            text[2][i] = t.owner;
            text[3][i] = t.language;
            text[4][i] = t.externalId;
            text[5][i] = Batch.array(t.tagList());
        }
        try (PreparedStatement s = c.prepareStatement("""
                update contacts c set given_name = u.given_name, family_name = u.family_name, organisation_id = u.organisation_id,
                       owner = u.owner, language = u.language, external_id = u.external_id, tags = u.tags::text[],
                       version = c.version + 1, updated_at = now()
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as u(id, organisation_id, given_name, family_name, owner, language, external_id, tags)
                where c.id = u.id""")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("uuid", organisations));
            for (int i = 0; i < text.length; i++) {
                s.setArray(3 + i, c.createArrayOf("text", text[i]));
            }
            s.executeUpdate();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
