package dev.rapport.feedback.outreach;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Until service accounts are wired (gateway issue), calls to consent-service carry no credentials. */
@DefaultBean
@ApplicationScoped
public class NoConsentCredentials implements ConsentCredentials {
    @Override
    public Uni<Optional<String>> authorization() {
        return Uni.createFrom().item(Optional.empty());
    }
}
