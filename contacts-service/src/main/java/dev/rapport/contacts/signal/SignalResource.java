package dev.rapport.contacts.signal;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.contacts.contact.ContactService;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class SignalResource {
    @Inject
    SignalQueries signals;
    @Inject
    ContactService contacts;
    @Inject
    Caller caller;

    @GET
    @Path("signals")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "What is due, per owner, with the facts that triggered each signal",
            description = "Ordered by owner, then since. owner=me means the caller. Acknowledged signals stay quiet until their facts change.")
    public Uni<Page<SignalView>> due(@QueryParam("owner") String owner, @QueryParam("kind") String kind,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        String who = "me".equals(owner) ? caller.name() : owner;
        return signals.due(who, kind(kind), null, cursor, Cursor.limit(limit, 100, 1000));
    }

    @GET
    @Path("signals/summary")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "How many signals are due per owner and kind")
    public Uni<List<SignalQueries.OwnerSummary>> summary() {
        return signals.summary();
    }

    @GET
    @Path("contacts/{id}/signals")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Signals due for one contact")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<List<SignalView>> ofContact(@PathParam("id") UUID id) {
        return contacts.resolveId(id).chain(resolved -> signals.due(null, null, resolved, null, 1000)).map(Page::items);
    }

    @GET
    @Path("by-contact/signals")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Signals due for many contacts at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500. One entry per distinct id, in the order asked, "
                    + "each with that contact's due signals (oldest first); a contact with none has an empty list. One query.")
    @APIResponse(responseCode = "400", description = "A contact id is not a UUID, or none or more than 500 were given")
    @APIResponse(responseCode = "403", description = "A role that may not read signals")
    public Uni<List<PerContact<SignalView>>> byContact(@QueryParam("contactIds") List<String> contactIds) {
        return signals.dueFor(QueryParams.uuids("contactIds", contactIds, PerContact.MAX_IDS));
    }

    @POST
    @Path("contacts/{id}/signals/{kind}/acknowledge")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Acknowledge a signal: it stays quiet until its facts change")
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<Void> acknowledge(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        SignalKind k = kind(kind);
        if (k == null) {
            throw ProblemException.badField("kind", "is required");
        }
        return contacts.resolveId(id).chain(resolved -> signals.acknowledge(resolved, k, caller.name()));
    }

    static SignalKind kind(String s) {
        return QueryParams.enumValue(SignalKind.class, "kind", s);
    }
}
