package dev.rapport.consent.outreach;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** Outreach requests (touches) of many contacts in one call, for the gateway's batched {@code Contact.touches}. */
@Path("/by-contact/outreach-requests")
public class TouchesResource {
    @Inject
    Touches touches;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "The newest outreach requests of many contacts",
            description = "contactIds: comma-separated, at most 500; status filters (QUEUED, DELIVERED, DENIED, …). One entry "
                    + "per distinct id, in the order asked: that contact's `limit` newest requests (default 20, at most 100), "
                    + "newest first; a contact with none has an empty list. Each entry has `cursors` (one per request) and `next` (the "
                    + "last one's, null when that contact has no more): pass one back as `cursor` to read older requests. A "
                    + "cursor is a position in the list's order, so it applies to every id asked. One query.")
    @APIResponse(responseCode = "400", description = "A contact id, the status, the cursor or the limit is malformed, or none or too many "
            + "ids were given")
    @APIResponse(responseCode = "403", description = "A role that may not read outreach")
    public Uni<List<PerContact<OutreachView>>> byContact(@RestQuery List<String> contactIds, @RestQuery String status,
            @RestQuery String cursor, @RestQuery Integer limit) {
        List<UUID> ids = QueryParams.uuids("contactIds", contactIds, PerContact.MAX_IDS);
        OutreachStatus st = QueryParams.enumValue(OutreachStatus.class, "status", status);
        return touches.newestOf(ids, st, cursor, Cursor.limit(limit, 20, 100));
    }
}
