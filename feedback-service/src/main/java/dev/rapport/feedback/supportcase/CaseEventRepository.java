package dev.rapport.feedback.supportcase;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepositoryBase<CaseEvent, UUID> {
}
