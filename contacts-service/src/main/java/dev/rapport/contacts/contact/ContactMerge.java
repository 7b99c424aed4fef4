package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.ContactPoint;
import dev.rapport.contacts.contactpoint.PointContext;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.contacts.value.ValueService;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merges a duplicate into a survivor in one transaction: every contact point moves with its provenance (an address
 * both have is kept once, with the stronger provenance, the earlier capture and the later verification), the whole
 * timeline and the follow-ups move, value is recomputed, and the duplicate's id resolves to the survivor from then on.
 * consent-service learns each move and the merge through the outbox.
 */
@ApplicationScoped
public class ContactMerge {
    @Inject
    Pool pool;
    @Inject
    ValueService values;
    @Inject
    Outbox outbox;

    public Uni<UUID> merge(UUID survivorId, MergeRequest in) {
        if (survivorId.equals(in.mergeId())) {
            return Uni.createFrom().failure(ProblemException.badField("mergeId", "is the contact itself"));
        }
        return pool.withTransaction(conn -> conn.preparedQuery(
                "select id, merged_into, version from contacts where id in ($1, $2) order by id for update")
                .execute(Tuple.of(survivorId, in.mergeId())).chain(rows -> {
                    Map<UUID, Row> byId = new HashMap<>();
                    rows.forEach(r -> byId.put(r.getUUID("id"), r));
                    Row survivor = byId.get(survivorId);
                    Row loser = byId.get(in.mergeId());
                    if (survivor == null) {
                        throw ProblemException.notFound("Contact", survivorId);
                    }
                    if (survivor.getUUID("merged_into") != null) {
                        throw ProblemException.rule("already-merged", "Contact " + survivorId + " was merged into "
                                + survivor.getUUID("merged_into") + "; merge into that one");
                    }
                    if (loser == null) {
                        throw new ProblemException(422, "unknown-contact", "Unknown contact", "mergeId: no such contact",
                                List.of(new dev.rapport.platform.problem.Problem.FieldError("mergeId", "no such contact")));
                    }
                    if (loser.getUUID("merged_into") != null) {
                        throw ProblemException.rule("already-merged", "Contact " + in.mergeId() + " was already merged into "
                                + loser.getUUID("merged_into"));
                    }
                    if (in.version() != null && survivor.getLong("version") != in.version()) {
                        throw ProblemException.conflict("version-conflict", "Contact " + survivorId + " is at version "
                                + survivor.getLong("version") + ", not " + in.version());
                    }
                    return movePoints(conn, survivorId, in.mergeId())
                            .chain(changes -> moveEverythingElse(conn, survivorId, in.mergeId())
                                    .chain(() -> values.recompute(conn, List.of(survivorId)))
                                    .chain(() -> {
                                        changes.add(ContactPointChange.merged(survivorId, in.mergeId()));
                                        return outbox.append(conn, changes).chain(() -> outbox.event(conn, ContactEvents.MERGED,
                                                survivorId, new ContactEvents.Merged(survivorId, in.mergeId())));
                                    }));
                })).replaceWith(survivorId);
    }

    private Uni<List<ContactPointChange>> movePoints(SqlConnection conn, UUID survivor, UUID loser) {
        return conn.preparedQuery("select * from contact_points where contact_id in ($1, $2) order by captured_at, id")
                .execute(Tuple.of(survivor, loser)).chain(rows -> {
                    Map<String, ContactPoint> kept = new HashMap<>();
                    List<ContactPoint> moving = new ArrayList<>();
                    for (Row r : rows) {
                        ContactPoint p = point(r);
                        if (p.contactId.equals(survivor)) {
                            kept.put(p.channel + "|" + p.address, p);
                        } else {
                            moving.add(p);
                        }
                    }
                    List<ContactPointChange> changes = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ContactPoint p : moving) {
                        ContactPoint twin = kept.get(p.channel + "|" + p.address);
                        changes.add(twin == null ? ContactPointChange.of("REMOVED", p) : ContactPointChange.foldedInto(p, twin.id));
                        if (twin == null) {
                            p.contactId = survivor;
                            changes.add(ContactPointChange.of("ADDED", p));
                            chain = chain.chain(() -> conn.preparedQuery("update contact_points set contact_id = $1 where id = $2")
                                    .execute(Tuple.of(survivor, p.id)).replaceWithVoid());
                        } else {
                            if (p.provenance.ordinal() < twin.provenance.ordinal()) {
                                twin.provenance = p.provenance;
                                twin.provenanceSource = p.provenanceSource;
                            }
                            if (p.capturedAt.isBefore(twin.capturedAt)) {
                                twin.capturedAt = p.capturedAt;
                            }
                            if (p.verifiedAt != null && (twin.verifiedAt == null || p.verifiedAt.isAfter(twin.verifiedAt))) {
                                twin.verifiedAt = p.verifiedAt;
                            }
                            changes.add(ContactPointChange.of("UPDATED", twin));
                            chain = chain.chain(() -> conn.preparedQuery("delete from contact_points where id = $1")
                                    .execute(Tuple.of(p.id)).replaceWithVoid())
                                    .chain(() -> conn.preparedQuery("""
                                            update contact_points set provenance = $2, provenance_source = $3,
                                                   captured_at = $4, verified_at = $5 where id = $1""")
                                            .execute(Tuple.of(twin.id, twin.provenance.name(), twin.provenanceSource,
                                                    twin.capturedAt.atOffset(ZoneOffset.UTC),
                                                    twin.verifiedAt == null ? null : twin.verifiedAt.atOffset(ZoneOffset.UTC)))
                                            .replaceWithVoid());
                        }
                    }
                    return chain.replaceWith(changes);
                });
    }

    private Uni<Void> moveEverythingElse(SqlConnection conn, UUID survivor, UUID loser) {
        Tuple both = Tuple.of(survivor, loser);
        return conn.preparedQuery("""
                        update interactions set contact_id = $1, merged_from = coalesce(merged_from, $2)
                        where contact_id = $2""").execute(both)
                .chain(() -> conn.preparedQuery("update follow_ups set contact_id = $1 where contact_id = $2").execute(both))
                .chain(() -> conn.preparedQuery("delete from signal_acknowledgements where contact_id = $1")
                        .execute(Tuple.of(loser)))
                .chain(() -> conn.preparedQuery("delete from contact_values where contact_id = $1").execute(Tuple.of(loser)))
                .chain(() -> conn.preparedQuery("select tags, given_name, family_name, organisation_id, owner, language from contacts where id = $1")
                        .execute(Tuple.of(loser)))
                .chain(loserRows -> {
                    Row l = loserRows.iterator().next();
                    String[] loserTags = l.getArrayOfStrings("tags");
                    return conn.preparedQuery("""
                            update contacts set
                              given_name = coalesce(given_name, $2), family_name = coalesce(family_name, $3),
                              organisation_id = coalesce(organisation_id, $4), owner = coalesce(owner, $5),
                              language = coalesce(language, $7),
                              tags = (select coalesce(array_agg(distinct t order by t), '{}') from unnest(tags || $6::text[]) t),
                              version = version + 1, updated_at = now()
                            where id = $1""")
                            .execute(Tuple.from(java.util.Arrays.asList(survivor, l.getString("given_name"), l.getString("family_name"),
                                    l.getUUID("organisation_id"), l.getString("owner"),
                                    loserTags == null ? new String[0] : loserTags, l.getString("language"))));
                })
                .chain(() -> conn.preparedQuery("update contacts set merged_into = $1, updated_at = now() where id = $2 or merged_into = $2")
                        .execute(both))
                .replaceWithVoid();
    }

    private static ContactPoint point(Row r) {
        ContactPoint p = new ContactPoint();
        p.id = r.getUUID("id");
        p.contactId = r.getUUID("contact_id");
        p.channel = Channel.valueOf(r.getString("channel"));
        p.address = r.getString("address");
        p.context = PointContext.valueOf(r.getString("context"));
        p.provenance = ProvenanceKind.valueOf(r.getString("provenance"));
        p.provenanceSource = r.getString("provenance_source");
        p.capturedAt = r.getOffsetDateTime("captured_at").toInstant();
        p.verifiedAt = r.getOffsetDateTime("verified_at") == null ? null : r.getOffsetDateTime("verified_at").toInstant();
        return p;
    }

}
