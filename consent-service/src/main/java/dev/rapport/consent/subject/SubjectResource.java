package dev.rapport.consent.subject;

import dev.rapport.consent.ledger.LedgerService;
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

@Path("/")
public class SubjectResource {
    @Inject
    SubjectService service;
    @Inject
    LedgerService ledger;
    @Inject
    Caller caller;

    @GET
    @Path("contacts/{contactId}/data-export")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Everything consent-service holds about a person",
            description = "Policy, contact points (without addresses: this service never holds them), consents in force, the "
                    + "full ledger with its evidence, and every outreach request. A contact may export only themselves.")
    @APIResponse(responseCode = "403", description = "Another person's data")
    @APIResponse(responseCode = "404", description = "Nothing held about this contact")
    public Uni<SubjectExport> export(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.export(contactId);
    }

    @POST
    @Path("contacts/{contactId}/erasure")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Erase a person",
            description = "Destroys the per-contact salt and deletes contact-point facts, policy and outreach; blanks the "
                    + "ledger's personal evidence; appends an ERASURE event. The ledger keeps a PII-free proof and still verifies. "
                    + "A contact may erase only themselves.")
    @APIResponse(responseCode = "200", description = "Erased (repeating it changes nothing)")
    @APIResponse(responseCode = "403", description = "Only an admin, or the person themselves, erases")
    @APIResponse(responseCode = "404", description = "Nothing held about this contact")
    public Uni<ErasureResult> erase(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.erase(contactId, caller.name())
                .chain(r -> ledger.verify(contactId).map(v -> new ErasureResult(r.contactId(), r.erasedAt(), r.erasureEventId(),
                        r.ledgerEventsKept(), v)));
    }
}
