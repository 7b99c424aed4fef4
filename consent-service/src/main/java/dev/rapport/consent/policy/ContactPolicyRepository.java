package dev.rapport.consent.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ContactPolicyRepository implements PanacheRepositoryBase<ContactPolicy, UUID> {
}
