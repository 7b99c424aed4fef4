package dev.rapport.contacts.subject;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Data-subject rights in contacts-service, shaped like consent-service's. */
@Path("/")
public class SubjectResource {
    @Inject
    SubjectService service;
    @Inject
    Caller caller;

    @GET
    @Path("contacts/{id}/data-export")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Everything contacts-service holds about a person",
            description = "The contact with every contact point and its provenance, the contacts merged into it, the whole "
                    + "timeline, value, lead score, follow-ups, signals due and their acknowledgements, as one JSON document. "
                    + "A merged-away id answers for the contact it was merged into. A contact may export only themselves.")
    @APIResponse(responseCode = "403", description = "Another person's data, or a role that may not export")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<SubjectExport> export(@PathParam("id") UUID id) {
        caller.assertMayActFor(id);
        return service.export(id);
    }

    @POST
    @Path("contacts/{id}/erasure")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Erase a person",
            description = "In one transaction, for the contact and every contact merged into it: names, tags and the "
                    + "organisation link are removed, contact points deleted (consent-service learns each removal through the "
                    + "outbox), interactions keep type, time and amount but lose subject, details and external id, "
                    + "follow-ups and signal acknowledgements are deleted. Value stays (an aggregate of nobody). A merged-away "
                    + "id erases the contact it was merged into. Repeating it changes nothing and answers the same report. A contact may "
                    + "erase only themselves (\"erase me\" in the preference centre).")
    @APIResponse(responseCode = "200", description = "Erased (or already erased: the same report)")
    @APIResponse(responseCode = "403", description = "Only an admin, or the person themselves, erases")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<ErasureReport> erase(@PathParam("id") UUID id) {
        caller.assertMayActFor(id);
        return service.erase(id, caller.name());
    }
}
