package dev.rapport.contacts.contact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contacts table's one mapping (the {@link Contact} entity): SQL that selects contacts (search, segments, likely
 * duplicates) answers ids, and the contacts themselves are read here, in one statement for any number of ids.
 */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** The contacts with these ids, by id (ids that name no contact are absent). Needs a session. */
    public Uni<Map<UUID, Contact>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("id in ?1", List.copyOf(ids)).map(l -> l.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }

    /** Views of the contacts with these ids, in the order given, without contact points. Needs a session. */
    public Uni<List<ContactView>> views(List<UUID> ids) {
        return byIds(ids).map(byId -> ids.stream().map(byId::get).filter(c -> c != null).map(c -> ContactView.from(c, null)).toList());
    }
}
