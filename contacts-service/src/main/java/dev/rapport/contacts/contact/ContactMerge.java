package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.ContactPoint;
import dev.rapport.contacts.outbox.ContactPointChange;
import dev.rapport.contacts.outbox.Outbox;
import dev.rapport.contacts.value.ValueQueries;
import dev.rapport.contacts.webhook.ContactEvents;
import dev.rapport.platform.problem.Problem;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    ContactMergeQueries queries;
    @Inject
    ValueQueries values;
    @Inject
    Outbox outbox;

    public Uni<UUID> merge(UUID survivorId, MergeRequest in) {
        if (survivorId.equals(in.mergeId())) {
            return Uni.createFrom().failure(ProblemException.badField("mergeId", "is the contact itself"));
        }
        return queries.inTransaction(conn -> queries.lock(conn, survivorId, in.mergeId()).chain(byId -> {
            check(byId.get(survivorId), byId.get(in.mergeId()), survivorId, in);
            return movePoints(conn, survivorId, in.mergeId())
                    .chain(changes -> queries.moveEverythingElse(conn, survivorId, in.mergeId())
                            // the loser's timeline is the survivor's now: recomputing both moves its value too
                            .chain(() -> values.recompute(conn, List.of(survivorId, in.mergeId())))
                            .chain(() -> {
                                changes.add(ContactPointChange.merged(survivorId, in.mergeId()));
                                return outbox.append(conn, changes).chain(() -> outbox.event(conn, ContactEvents.MERGED,
                                        survivorId, new ContactEvents.Merged(survivorId, in.mergeId())));
                            }));
        })).replaceWith(survivorId);
    }

    private static void check(ContactMergeQueries.Locked survivor, ContactMergeQueries.Locked loser, UUID survivorId, MergeRequest in) {
        if (survivor == null) {
            throw ProblemException.notFound("Contact", survivorId);
        }
        if (survivor.mergedInto() != null) {
            throw ProblemException.rule("already-merged", "Contact " + survivorId + " was merged into "
                    + survivor.mergedInto() + "; merge into that one");
        }
        if (loser == null) {
            throw new ProblemException(422, "unknown-contact", "Unknown contact", "mergeId: no such contact",
                    List.of(new Problem.FieldError("mergeId", "no such contact")));
        }
        if (loser.mergedInto() != null) {
            throw ProblemException.rule("already-merged", "Contact " + in.mergeId() + " was already merged into "
                    + loser.mergedInto());
        }
        if (in.version() != null && survivor.version() != in.version()) {
            throw ProblemException.conflict("version-conflict", "Contact " + survivorId + " is at version "
                    + survivor.version() + ", not " + in.version());
        }
    }

    private Uni<List<ContactPointChange>> movePoints(SqlConnection conn, UUID survivor, UUID loser) {
        return queries.points(conn, survivor, loser).chain(points -> {
            Map<String, ContactPoint> kept = new HashMap<>();
            List<ContactPoint> moving = new ArrayList<>();
            for (ContactPoint p : points) {
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
                    chain = chain.chain(() -> queries.movePoint(conn, p.id, survivor));
                } else {
                    keepStrongest(twin, p);
                    changes.add(ContactPointChange.of("UPDATED", twin));
                    chain = chain.chain(() -> queries.foldPoint(conn, p.id, twin));
                }
            }
            return chain.replaceWith(changes);
        });
    }

    /** An address both have keeps the stronger provenance, the earlier capture and the later verification. */
    private static void keepStrongest(ContactPoint twin, ContactPoint p) {
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
    }
}
