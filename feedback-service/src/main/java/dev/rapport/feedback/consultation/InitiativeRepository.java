package dev.rapport.feedback.consultation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InitiativeRepository implements PanacheRepositoryBase<Initiative, UUID> {
    public Uni<List<Initiative>> ofConsultation(UUID consultationId) {
        return list("consultationId = ?1 order by position", consultationId);
    }
}
