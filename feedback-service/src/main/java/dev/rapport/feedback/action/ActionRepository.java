package dev.rapport.feedback.action;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<Action, UUID> {
}
