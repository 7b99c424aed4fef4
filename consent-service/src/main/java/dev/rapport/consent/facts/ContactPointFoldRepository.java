package dev.rapport.consent.facts;

import dev.rapport.platform.id.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactPointFoldRepository implements PanacheRepositoryBase<ContactPointFold, UUID> {

    /**
     * Records that {@code folded} was folded into {@code into} (owned by {@code survivor}) at {@code at}. Points folded
     * earlier into {@code folded}, while it still held the address it held then, now reach {@code into} too: each gets a
     * fold of its own (its hash at its first fold), so a chain of merges needs no chain of look-ups.
     */
    public Uni<Void> fold(UUID survivor, ContactPointFact folded, ContactPointFact into, Instant at) {
        return list("intoPointId", folded.contactPointId).chain(earlier -> {
            List<ContactPointFold> rows = new ArrayList<>();
            rows.add(row(survivor, folded.contactPointId, folded.addressHash, into, at));
            earlier.stream().filter(e -> e.intoHash.equals(folded.addressHash)).forEach(e -> rows.add(row(survivor, e.foldedPointId, e.foldedHash, into, at)));
            return persist(rows);
        });
    }

    private static ContactPointFold row(UUID survivor, UUID foldedPointId, String foldedHash, ContactPointFact into, Instant at) {
        ContactPointFold f = new ContactPointFold();
        f.id = Ids.newId();
        f.contactId = survivor;
        f.foldedPointId = foldedPointId;
        f.foldedHash = foldedHash;
        f.intoPointId = into.contactPointId;
        f.intoHash = into.addressHash;
        f.foldedAt = at;
        return f;
    }
}
