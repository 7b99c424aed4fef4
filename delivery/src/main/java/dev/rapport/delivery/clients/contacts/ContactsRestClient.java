package dev.rapport.delivery.clients.contacts;

import dev.rapport.delivery.clients.DevelopmentToken;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "contacts")
@OidcClientFilter
@RegisterProvider(DevelopmentToken.class)
interface ContactsRestClient {
    /** The contact (the survivor, if it was merged) with its contact points. */
    @GET
    @Path("/contacts/{id}")
    Uni<Contact> contact(@PathParam("id") UUID id);
}
