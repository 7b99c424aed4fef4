package dev.rapport.contacts.contact;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class DuplicateResource {
    @Inject
    DuplicateQueries duplicates;

    @GET
    @Path("contacts/duplicates")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(summary = "Likely duplicates: contacts sharing a normalised e-mail address or phone number",
            description = "Groups of two or more live contacts (not merged away, not erased) holding the same address, "
                    + "ordered by kind and address; the contacts of a group oldest first. Keyset-paged: pass `next` back "
                    + "as `cursor`. Merge one into another with POST /contacts/{id}/merge.")
    @APIResponse(responseCode = "200", description = "A page of groups")
    @APIResponse(responseCode = "400", description = "A malformed cursor or limit; the problem names it")
    public Uni<Page<DuplicateGroupView>> list(
            @QueryParam("cursor") @Parameter(description = "`next` of the previous page") String cursor,
            @QueryParam("limit") @Parameter(description = "Groups per page, 1–200 (default 50)") Integer limit) {
        return duplicates.page(cursor, Cursor.limit(limit, 50, 200));
    }
}
