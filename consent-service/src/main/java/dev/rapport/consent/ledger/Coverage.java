package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one rule for "does this ledger event cover this contact point (or this scope)": the decision engine and the
 * consent projection both ask it, so a decision and the consents shown never disagree about what an event reaches.
 * <ul>
 * <li>An erasure marker covers nothing.</li>
 * <li>An event naming a channel covers only that channel; one naming no channel covers every channel.</li>
 * <li>An event naming no contact point covers every point of its channel(s) (the decision engine then admits it only
 * for points the person gave).</li>
 * <li>An event naming a contact point covers that point only, and only while the point holds the address it held when
 * the event was recorded: the point's address hash equals the hash the event kept. Hashes are keyed per point (with
 * the salt of the contact the point was first seen under), so a point moved by a merge keeps its hash and stays
 * covered; a changed address, or a removed point (no hash), is not covered.</li>
 * <li>A point a merge folded into another (the survivor already held the same address, so its own point was kept)
 * hands its coverage on: the event covers the kept point from the merge on, if the event's hash is the folded point's
 * hash at the merge (the address the event named is the one merged) and the kept point still holds the address it held
 * at the merge.</li>
 * </ul>
 */
public final class Coverage {
    private Coverage() {
    }

    /**
     * @param kind           the event's kind
     * @param eventChannel   the channel the event names (null: every channel)
     * @param eventPointId   the contact point the event names (null: every point of the channel)
     * @param eventPointHash the address hash of that point when the event was recorded (null when it was not known)
     * @param channel        the channel of the point (or scope) asked about
     * @param pointId        the point asked about (null for a channel-wide scope)
     * @param addressHash    the point's address hash at the instant asked about (null when removed or unknown)
     * @param folds          the folds of the contact's merge group (any instant; those after {@code at} do not count)
     * @param at             the instant asked about
     */
    public static boolean covers(EventKind kind, Channel eventChannel, UUID eventPointId, String eventPointHash,
            Channel channel, UUID pointId, String addressHash, List<PointFold> folds, Instant at) {
        if (kind == EventKind.ERASURE) {
            return false;
        }
        if (eventChannel != null && eventChannel != channel) {
            return false;
        }
        if (eventPointId == null) {
            return true;
        }
        if (eventPointId.equals(pointId)) {
            return eventPointHash == null || eventPointHash.equals(addressHash);
        }
        return pointId != null && addressHash != null && folds.stream().anyMatch(f -> f.foldedPointId().equals(eventPointId)
                && f.intoPointId().equals(pointId) && !f.foldedAt().isAfter(at)
                && (eventPointHash == null || eventPointHash.equals(f.foldedHash()))
                && addressHash.equals(f.intoHash()));
    }
}
