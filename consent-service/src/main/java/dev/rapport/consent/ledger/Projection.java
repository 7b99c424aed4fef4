package dev.rapport.consent.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Current (or as-of) state from the ledger: a fold over events, never stored, so history is never rewritten. */
final class Projection {
    private Projection() {
    }

    private record Scope(String purpose, dev.rapport.consent.common.Channel channel, java.util.UUID point) {
    }

    /** {@code events} ordered by occurredAt, recordedAt, seq. */
    static List<ConsentState> of(List<ConsentEvent> events, Instant at) {
        Map<Scope, Boolean> scopes = new LinkedHashMap<>();
        for (ConsentEvent e : events) {
            if (e.kind != EventKind.ERASURE && !e.occurredAt.isAfter(at)) {
                scopes.put(new Scope(e.purpose, e.channel, e.contactPointId), true);
            }
        }
        List<ConsentState> out = new ArrayList<>();
        for (Scope s : scopes.keySet()) {
            ConsentEvent decisive = null;
            for (int i = events.size() - 1; i >= 0; i--) {
                ConsentEvent e = events.get(i);
                if (e.kind == EventKind.ERASURE || e.occurredAt.isAfter(at) || !Objects.equals(e.purpose, s.purpose())
                        || !covers(e, s)) {
                    continue;
                }
                if (e.kind == EventKind.OBJECT && e.until != null && !e.until.isAfter(at)) {
                    continue;
                }
                decisive = e;
                break;
            }
            if (decisive != null) {
                out.add(new ConsentState(s.purpose(), s.channel(), s.point(), status(decisive, at), decisive.id,
                        decisive.lawfulBasis, decisive.source, decisive.occurredAt, decisive.expiresAt, decisive.until));
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

    /** An event covers a scope when it is as broad or broader: same purpose, channel (or all), point (or all). */
    private static boolean covers(ConsentEvent e, Scope s) {
        if (e.channel != null && e.channel != s.channel()) {
            return false;
        }
        return e.contactPointId == null || e.contactPointId.equals(s.point());
    }

    private static ConsentState.Status status(ConsentEvent e, Instant at) {
        return switch (e.kind) {
            case GRANT -> e.expiresAt != null && !e.expiresAt.isAfter(at) ? ConsentState.Status.EXPIRED : ConsentState.Status.GRANTED;
            case WITHDRAW -> ConsentState.Status.WITHDRAWN;
            case DENY -> ConsentState.Status.DENIED;
            case OBJECT -> ConsentState.Status.OBJECTED;
            case ERASURE -> throw new IllegalStateException("erasure is not a consent state");
        };
    }
}
