package dev.rapport.consent.ledger;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.consent.common.Params;
import dev.rapport.consent.policy.PolicyService;
import dev.rapport.consent.policy.PolicyView;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Consents and policies of many contacts in one call, for callers that show a list (the gateway resolves a page of
 * contacts with one call here instead of one per contact). Consents and policies are for staff and integrations (a
 * contact reads its own through the per-contact endpoints); the ledger also for a contact asking for themselves.
 */
@Path("/")
public class BulkConsentsResource {
    static final int MAX_IDS = 500;

    public record ContactConsents(UUID contactId, List<ConsentState> consents) {
    }

    @Inject
    LedgerService ledger;
    @Inject
    PolicyService policies;
    @Inject
    Caller caller;

    @GET
    @Path("consents")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Consents in force for many contacts",
            description = "contactIds: comma-separated, at most 500. One entry per distinct id, in the order asked; "
                    + "a contact without events has an empty list. With ?at= as of that instant. One statement whatever "
                    + "the number of ids.")
    @APIResponse(responseCode = "400", description = "A contact id is not a UUID, none or too many were given, or at is malformed")
    public Uni<List<ContactConsents>> consents(@RestQuery List<String> contactIds, @RestQuery String at) {
        List<UUID> ids = ids(contactIds);
        Instant when = Params.instant("at", at);
        Instant asOf = (when == null ? Instant.now() : when).truncatedTo(ChronoUnit.MICROS);
        return ledger.states(ids, asOf).map(states -> {
            List<ContactConsents> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.add(new ContactConsents(ids.get(i), states.get(i)));
            }
            return out;
        });
    }

    @GET
    @Path("policies")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Contact policies of many contacts",
            description = "contactIds: comma-separated, at most 500. One policy per distinct id, in the order asked (the "
                    + "default policy for a contact who set none). One statement whatever the number of ids.")
    @APIResponse(responseCode = "400", description = "A contact id is not a UUID, or none or too many were given")
    public Uni<List<PolicyView>> policies(@RestQuery List<String> contactIds) {
        return policies.getAll(ids(contactIds));
    }

    @GET
    @Path("by-contact/consent-events")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The newest ledger events of many contacts",
            description = "contactIds: comma-separated, at most 500. One entry per distinct id, in the order asked: that "
                    + "contact's `limit` newest events (default 50, at most 1000), newest first, and `next`, a cursor to "
                    + "the older ones (pass it back with that contact alone). A contact without events has an empty list. "
                    + "One query. A contact may ask only for themselves.")
    @APIResponse(responseCode = "400", description = "A contact id, the cursor or the limit is malformed, none or too many "
            + "ids were given, or a cursor came with more than one id")
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<ConsentEventView>>> ledgers(@RestQuery List<String> contactIds, @RestQuery String cursor,
            @RestQuery Integer limit) {
        List<UUID> ids = ids(contactIds);
        caller.assertMayActForAll(ids);
        return ledger.newestOf(ids, cursor, Cursor.limit(limit, 50, 1000));
    }

    static List<UUID> ids(List<String> raw) {
        return QueryParams.uuids("contactIds", raw, MAX_IDS);
    }
}
