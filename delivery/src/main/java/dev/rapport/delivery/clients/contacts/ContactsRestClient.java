package dev.rapport.delivery.clients.contacts;

import dev.rapport.delivery.clients.DevelopmentToken;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
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

    /** Up to 500 contacts by id, without their points (merged-away and erased ones are not among them). */
    @GET
    @Path("/contacts")
    Uni<Contact.Page> contacts(@QueryParam("ids") String ids, @QueryParam("limit") int limit);

    /** The contact points of up to 500 contacts. */
    @GET
    @Path("/contact-points")
    Uni<List<Contact.ContactPoint>> contactPoints(@QueryParam("contactIds") String contactIds);
}
