package dev.rapport.feedback.consultation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, UUID> {
}
