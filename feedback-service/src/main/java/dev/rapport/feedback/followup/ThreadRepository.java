package dev.rapport.feedback.followup;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ThreadRepository implements PanacheRepositoryBase<ConversationThread, UUID> {
}
