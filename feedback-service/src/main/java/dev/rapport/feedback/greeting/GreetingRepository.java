package dev.rapport.feedback.greeting;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GreetingRepository implements PanacheRepositoryBase<Greeting, UUID> {
}
