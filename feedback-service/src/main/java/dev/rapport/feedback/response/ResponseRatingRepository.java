package dev.rapport.feedback.response;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ResponseRatingRepository implements PanacheRepositoryBase<ResponseRating, ResponseRating.Key> {
}
