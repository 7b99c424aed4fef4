package dev.rapport.feedback.rating;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<Rating, UUID> {
}
