package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Current (or as-of) state from the ledger: a fold over events, never stored, so history is never rewritten. Which
 * event reaches which scope is {@link Coverage}'s rule, the one the decision engine uses.
 */
final class Projection {
    private Projection() {
    }

    /** What the projection reads of a ledger event. */
    record Entry(UUID id, EventKind kind, String purpose, Channel channel, UUID pointId, String pointHash,
            Instant occurredAt, Instant expiresAt, Instant until, LawfulBasis lawfulBasis, EventSource source) {
    }

    private record Scope(String purpose, Channel channel, UUID point) {
    }

    /**
     * @param events      ordered by occurredAt, recordedAt, seq
     * @param pointHashes the address hash of each contact point present at {@code at} (a point absent here is removed
     *                    or unknown: an event naming it with a hash no longer covers it)
     * @param folds       the merge group's point folds: an event naming a folded point is also shown on the point it was
     *                    folded into, where {@link Coverage} lets it reach
     */
    static List<ConsentState> of(List<Entry> events, Map<UUID, String> pointHashes, List<PointFold> folds, Instant at) {
        Map<Scope, Boolean> scopes = new LinkedHashMap<>();
        for (Entry e : events) {
            if (e.kind() != EventKind.ERASURE && !e.occurredAt().isAfter(at)) {
                scopes.put(new Scope(e.purpose(), e.channel(), e.pointId()), true);
                folds.stream().filter(f -> f.foldedPointId().equals(e.pointId()))
                        .forEach(f -> scopes.put(new Scope(e.purpose(), e.channel(), f.intoPointId()), true));
            }
        }
        List<ConsentState> out = new ArrayList<>();
        for (Scope s : scopes.keySet()) {
            String hash = s.point() == null ? null : pointHashes.get(s.point());
            Entry decisive = null;
            for (int i = events.size() - 1; i >= 0; i--) {
                Entry e = events.get(i);
                if (e.occurredAt().isAfter(at) || !Objects.equals(e.purpose(), s.purpose())
                        || !Coverage.covers(e.kind(), e.channel(), e.pointId(), e.pointHash(), s.channel(), s.point(), hash, folds, at)) {
                    continue;
                }
                if (e.kind() == EventKind.OBJECT && e.until() != null && !e.until().isAfter(at)) {
                    continue;
                }
                decisive = e;
                break;
            }
            if (decisive != null) {
                out.add(new ConsentState(s.purpose(), s.channel(), s.point(), status(decisive, at), decisive.id(),
                        decisive.lawfulBasis(), decisive.source(), decisive.occurredAt(), decisive.expiresAt(), decisive.until()));
            }
        }
        // An event that decides a narrower scope is shown there only (a withdrawal on every channel after an e-mail
        // grant shows once, on e-mail); a broad entry stays when it decides something no narrower entry shows.
        List<ConsentState> shown = new ArrayList<>();
        for (ConsentState c : out) {
            boolean shownNarrower = out.stream().anyMatch(o -> o != c && o.eventId().equals(c.eventId())
                    && specificity(o) > specificity(c));
            if (!shownNarrower) {
                shown.add(c);
            }
        }
        out = shown;
        out.sort(Comparator.comparing(ConsentState::purpose)
                .thenComparing(c -> c.channel() == null ? "" : c.channel().name())
                .thenComparing(c -> c.contactPointId() == null ? "" : c.contactPointId().toString()));
        return out;
    }

    private static int specificity(ConsentState c) {
        return (c.channel() == null ? 0 : 1) + (c.contactPointId() == null ? 0 : 1);
    }

    private static ConsentState.Status status(Entry e, Instant at) {
        return switch (e.kind()) {
            case GRANT -> e.expiresAt() != null && !e.expiresAt().isAfter(at) ? ConsentState.Status.EXPIRED : ConsentState.Status.GRANTED;
            case WITHDRAW -> ConsentState.Status.WITHDRAWN;
            case DENY -> ConsentState.Status.DENIED;
            case OBJECT -> ConsentState.Status.OBJECTED;
            case ERASURE -> throw new IllegalStateException("erasure is not a consent state");
        };
    }
}
