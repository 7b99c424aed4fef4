package dev.rapport.consent.purpose;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {
}
