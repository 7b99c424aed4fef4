package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Params;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/")
public class ExportResource {
    public static final String CSV = "text/csv";

    @Inject
    LedgerExport export;
    @Inject
    ReceiptService receipts;
    @Inject
    LedgerService ledger;
    @Inject
    Caller caller;

    @GET
    @Path("consent-events")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Export the ledger by filter as a JSON array (streamed)",
            description = "Filter by contactId, purpose and a recordedAt range [from, to). Ask for text/csv to get CSV.")
    @APIResponse(responseCode = "400", description = "A bad filter; the problem names it")
    public Multi<Buffer> exportJson(@RestQuery String contactId, @RestQuery String purpose, @RestQuery String from,
            @RestQuery String to) {
        return export.json(filter(contactId, purpose, from, to));
    }

    @GET
    @Path("consent-events")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @Produces(CSV)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Export the ledger by filter as CSV (streamed)",
            description = "Same filters as the JSON export. Cells a spreadsheet would run as a formula are neutralised.")
    @APIResponse(responseCode = "400", description = "A bad filter; the problem names it")
    public Multi<Buffer> exportCsv(@RestQuery String contactId, @RestQuery String purpose, @RestQuery String from,
            @RestQuery String to) {
        return export.csv(filter(contactId, purpose, from, to));
    }

    @GET
    @Path("consent-events/{id}/receipt")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "A ledger event as a Kantara consent receipt (v1.1 fields)")
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<ConsentReceipt> receipt(@PathParam("id") UUID id) {
        return ledger.get(id).invoke(e -> caller.assertMayActFor(e.contactId())).chain(e -> receipts.receipt(id));
    }

    static LedgerExport.Filter filter(String contactId, String purpose, String from, String to) {
        Instant f = Params.instant("from", from);
        Instant t = Params.instant("to", to);
        if (f != null && t != null && !t.isAfter(f)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return new LedgerExport.Filter(Params.uuid("contactId", contactId), Params.purpose("purpose", purpose, false), f, t);
    }
}
