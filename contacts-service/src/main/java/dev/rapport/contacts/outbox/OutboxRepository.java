package dev.rapport.contacts.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The outbox through Hibernate Reactive: rows {@link Outbox} built, in the caller's {@code @WithTransaction}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** In order: the identity seq orders events per contact. */
    Uni<Void> add(List<OutboxEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEvent e : events) {
            chain = chain.chain(() -> persist(e)).replaceWithVoid();
        }
        return chain;
    }
}
