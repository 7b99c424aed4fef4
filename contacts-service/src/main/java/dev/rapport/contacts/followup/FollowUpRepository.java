package dev.rapport.contacts.followup;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {
}
