package dev.rapport.feedback.outreach;

import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/** Adds whatever {@link ConsentCredentials} provides; the caller's own token is deliberately not propagated. */
@ApplicationScoped
public class ConsentAuthHeaders extends ReactiveClientHeadersFactory {
    @Inject
    ConsentCredentials credentials;

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return credentials.authorization().map(auth -> {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            auth.ifPresent(value -> headers.putSingle("Authorization", value));
            return headers;
        });
    }
}
