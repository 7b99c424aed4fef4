package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Hashing;
import dev.rapport.consent.subject.ConsentSubject;
import java.util.List;

/** Re-computes a contact's chain from its first event and names the first link that does not hold. */
final class ChainVerifier {
    private ChainVerifier() {
    }

    static ChainVerification verify(ConsentSubject subject, List<ConsentEvent> chain) {
        String prev = Hashing.GENESIS;
        long expectedSeq = 1;
        for (ConsentEvent e : chain) {
            String problem = null;
            if (e.seq != expectedSeq) {
                problem = "sequence gap: expected event " + expectedSeq + ", found " + e.seq;
            } else if (!e.prevHash.equals(prev)) {
                problem = "does not link to the previous event's hash";
            } else if (!ChainHash.of(e).equals(e.hash)) {
                problem = "its content does not match its hash";
            } else if (subject.salt != null && !java.util.Objects.equals(e.personalDigest,
                    ChainHash.personalDigest(subject.salt, e.note, e.ipAddress, e.userAgent))) {
                problem = "its personal evidence (note, ip address, user agent) does not match its digest";
            }
            if (problem != null) {
                return new ChainVerification(subject.contactId, false, chain.size(), subject.headHash,
                        new ChainVerification.BrokenLink(e.seq, e.id, problem));
            }
            prev = e.hash;
            expectedSeq++;
        }
        if (subject.headSeq != chain.size() || !subject.headHash.equals(prev)) {
            return new ChainVerification(subject.contactId, false, chain.size(), subject.headHash,
                    new ChainVerification.BrokenLink(expectedSeq, null, "events after " + (expectedSeq - 1)
                            + " are missing: the chain head records " + subject.headSeq));
        }
        return new ChainVerification(subject.contactId, true, chain.size(), subject.headHash, null);
    }
}
