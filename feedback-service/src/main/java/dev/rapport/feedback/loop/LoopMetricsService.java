package dev.rapport.feedback.loop;

import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.feedback.consultation.Initiative;
import dev.rapport.feedback.consultation.InitiativeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A consultation's loop metrics: its initiatives through Hibernate, the aggregates through {@link LoopMetricsQueries}. */
@ApplicationScoped
public class LoopMetricsService {
    @Inject
    LoopMetricsQueries queries;
    @Inject
    ConsultationService consultations;
    @Inject
    InitiativeRepository initiatives;

    public Uni<LoopMetrics> metrics(UUID consultationId) {
        return initiativesOf(consultationId).chain(list -> queries.metrics(consultationId, list));
    }

    @WithSession
    Uni<List<Initiative>> initiativesOf(UUID consultationId) {
        return consultations.require(consultationId).chain(c -> initiatives.ofConsultation(c.id));
    }
}
