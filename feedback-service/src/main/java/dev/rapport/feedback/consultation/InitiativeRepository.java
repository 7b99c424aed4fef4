package dev.rapport.feedback.consultation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

@ApplicationScoped
public class InitiativeRepository implements PanacheRepositoryBase<Initiative, UUID> {
    public Uni<List<Initiative>> ofConsultation(UUID consultationId) {
        return list("consultationId = ?1 order by position", consultationId);
    }

    /** The initiatives of many consultations in one statement, each list in the consultations' own order. */
    public Uni<Map<UUID, List<Initiative>>> ofConsultations(List<UUID> consultationIds) {
        if (consultationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("consultationId in ?1 order by consultationId, position", consultationIds)
                .map(all -> all.stream().collect(Collectors.groupingBy(i -> i.consultationId)));
    }
}
