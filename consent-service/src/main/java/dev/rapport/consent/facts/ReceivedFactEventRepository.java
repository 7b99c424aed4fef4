package dev.rapport.consent.facts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReceivedFactEventRepository implements PanacheRepositoryBase<ReceivedFactEvent, UUID> {
}
