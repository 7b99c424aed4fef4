package dev.rapport.feedback.response;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<Response, UUID> {
}
