package dev.rapport.contacts.value;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.contacts.contact.ContactService;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class ValueResource {
    @Inject
    ValueQueries values;
    @Inject
    ContactService contacts;
    @Inject
    Caller caller;

    @GET
    @Path("contacts/{id}/value")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Customer value: lifetime and trailing-12-month spend, purchase count, usual interval, last purchase")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<ValueView> value(@PathParam("id") UUID id) {
        return contacts.resolveId(id).chain(resolved -> values.valuesOf(List.of(resolved))).map(l -> l.get(0));
    }

    @GET
    @Path("values")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Value of many contacts at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500. Unknown ids come back with zero value.")
    public Uni<List<ValueView>> values(@QueryParam("contactIds") List<String> contactIds) {
        return values.valuesOf(QueryParams.uuids("contactIds", contactIds, 500));
    }

    @GET
    @Path("contacts/{id}/lead-score")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Behaviour-inferred lead score with what contributed to it")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<LeadScoreView> leadScore(@PathParam("id") UUID id) {
        return contacts.resolveId(id).chain(values::leadScore);
    }

    @GET
    @Path("lead-scores")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Lead scores of many contacts at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500. One score per distinct id, in the order asked; "
                    + "a contact without scored behaviour (or unknown) has score 0 and no contributions. One query.")
    @APIResponse(responseCode = "400", description = "A contact id is not a UUID, or none or more than 500 were given")
    @APIResponse(responseCode = "403", description = "A role that may not read lead scores")
    public Uni<List<LeadScoreView>> leadScores(@QueryParam("contactIds") List<String> contactIds) {
        return values.leadScores(QueryParams.uuids("contactIds", contactIds, PerContact.MAX_IDS));
    }
}
