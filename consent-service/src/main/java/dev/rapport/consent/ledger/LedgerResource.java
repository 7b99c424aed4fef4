package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Params;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/")
public class LedgerResource {
    @Inject
    LedgerService service;
    @Inject
    Caller caller;

    @POST
    @Path("contacts/{contactId}/consent-events")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Record a grant, withdrawal, denial or objection",
            description = "Appended to the contact's hash chain; never changed afterwards. A contact may record only their own, "
                    + "through PREFERENCE_CENTRE.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "403", description = "Another person's consents")
    @APIResponse(responseCode = "422", description = "Unknown purpose, a contact point of someone else, an erased contact, or an Idempotency-Key reused for another event")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a concurrent request; retry")
    public Uni<Response> record(@PathParam("contactId") UUID contactId, @Valid @NotNull NewConsentEvent in,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retry safe: the same key answers the event "
                    + "recorded first and appends nothing") String idempotencyKey) {
        caller.assertMayActFor(contactId);
        boolean isContact = !caller.isStaff();
        return service.record(contactId, in, new LedgerService.Recorder(caller.name(), isContact), idempotencyKey)
                .map(e -> Response.created(URI.create("/consent-events/" + e.id())).entity(e).build());
    }

    @GET
    @Path("contacts/{contactId}/consent-events")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "A contact's ledger, oldest first (cursor-paginated)")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    public Uni<Page<ConsentEventView>> list(@PathParam("contactId") UUID contactId, @RestQuery String cursor,
            @RestQuery Integer limit) {
        caller.assertMayActFor(contactId);
        return service.list(contactId, cursor, Cursor.limit(limit, 100, 1000));
    }

    @GET
    @Path("contacts/{contactId}/consents")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "The consents in force now, or as of a past instant",
            description = "A projection of the ledger: for each scope it mentions, the state and the event that decides it. "
                    + "With ?at= the ledger is read as it stood then (a later withdrawal does not rewrite it).")
    @APIResponse(responseCode = "400", description = "Bad at")
    public Uni<List<ConsentState>> state(@PathParam("contactId") UUID contactId, @RestQuery String at) {
        caller.assertMayActFor(contactId);
        Instant when = Params.instant("at", at);
        return service.state(contactId, (when == null ? Instant.now() : when).truncatedTo(ChronoUnit.MICROS));
    }

    @GET
    @Path("contacts/{contactId}/consent-chain")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST})
    @Operation(summary = "Verify a contact's hash chain", description = "Re-computes every hash and reports the first broken link.")
    @APIResponse(responseCode = "404", description = "No ledger for this contact")
    public Uni<ChainVerification> verify(@PathParam("contactId") UUID contactId) {
        return service.verify(contactId);
    }

    @GET
    @Path("consent-events/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "Read one ledger event")
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<ConsentEventView> get(@PathParam("id") UUID id) {
        return service.get(id).invoke(e -> caller.assertMayActFor(e.contactId()));
    }
}
