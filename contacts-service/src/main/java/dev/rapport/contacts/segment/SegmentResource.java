package dev.rapport.contacts.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.contact.ContactView;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParams;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {
    static final String NDJSON = "application/x-ndjson";

    @Inject
    SegmentService service;
    @Inject
    Caller caller;
    @Inject
    SegmentConfig config;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Save a segment", description = "FILTER: the contact search's criteria (name, organisationId, tags, "
            + "stage, channel, provenance, minValue/maxValue, signal, owner, createdFrom/createdTo), evaluated whenever the "
            + "segment is used. STATIC: a list uploaded next to PUT /segments/{id}/members. Starts at version 1.")
    @APIResponse(responseCode = "201", description = "Saved; Location is the segment")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    public Uni<Response> create(@Valid @NotNull NewSegment in) {
        return service.create(in, caller.name())
                .map(s -> Response.created(URI.create("/segments/" + s.id())).entity(s).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Segments by name", description = "Cursor-paged: pass `next` as cursor.")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    public Uni<Page<SegmentView>> list(@QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 50, at most 200") @QueryParam("limit") Integer limit) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "A segment's definition and version")
    @APIResponse(responseCode = "404", description = "No such segment (or deleted)")
    public Uni<SegmentView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Change a segment's name, description or filter",
            description = "Send the version read; the answer has the next version. The kind cannot change.")
    @APIResponse(responseCode = "400", description = "Invalid input, or no version; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such segment")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<SegmentView> update(@PathParam("id") UUID id, @Valid @NotNull NewSegment in) {
        return service.update(id, in, caller.name());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Delete a segment", description = "Audiences already taken from it keep naming it and its version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such segment")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id);
    }

    /** Blocking: the list is read from the body (up to rapport.segments.max-static-members ids) before it is stored. */
    @PUT
    @Path("/{id}/members")
    @Blocking
    @Consumes({"text/csv", NDJSON, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Replace a STATIC segment's list",
            description = "CSV: the first column of each line is a contact id; a first line that is not one (contact_id) is a "
                    + "header. NDJSON (application/x-ndjson): a contact id per line, bare, as a JSON string or {\"contactId\":…}. "
                    + "The whole list replaces the old one in one transaction and bumps the version; a merged-away id counts "
                    + "as the contact it was merged into; ids naming no contact are counted as unknown and left out.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "two contacts",
            value = "contact_id\n0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b\n0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6c\n")))
    @APIResponse(responseCode = "200", description = "The list is stored")
    @APIResponse(responseCode = "400", description = "A line that is not a contact id (the problem names the line), too many ids")
    @APIResponse(responseCode = "404", description = "No such segment")
    @APIResponse(responseCode = "422", description = "A FILTER segment has no list")
    public Uni<MembersUpload> uploadMembers(@PathParam("id") UUID id, InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean ndjson = contentType != null && contentType.startsWith(NDJSON);
        MemberList.Read list = MemberList.read(body, ndjson, config.maxStaticMembers(), json);
        return service.replaceMembers(id, list, caller.name());
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "The segment's members as contacts, evaluated now",
            description = "A FILTER segment's members by name, a STATIC one's by id; cursor-paged: pass `next` as cursor.")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such segment")
    public Uni<Page<ContactView>> members(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 50, at most 500") @QueryParam("limit") Integer limit) {
        return service.members(id, cursor, limit);
    }

    @GET
    @Path("/{id}/member-ids")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The segment's member ids, a page at a time in id order (for services taking an audience)",
            description = "Keyset-paged: pass `next` back as `after`. Each page is evaluated when asked and says the version "
                    + "it used; pass that `version` with the following pages and an edit in between answers 409 "
                    + "segment-changed instead of mixing two definitions.")
    @APIResponse(responseCode = "400", description = "Bad after, version or limit")
    @APIResponse(responseCode = "404", description = "No such segment")
    @APIResponse(responseCode = "409", description = "The segment is no longer at `version`")
    public Uni<MemberIds> memberIds(@PathParam("id") UUID id,
            @Parameter(description = "The last id of the previous page") @QueryParam("after") String after,
            @Parameter(description = "The version the first page reported") @QueryParam("version") Integer version,
            @Parameter(description = "Page size, default 1000, at most 10000") @QueryParam("limit") Integer limit) {
        return service.memberIds(id, QueryParams.uuid("after", after), version, limit);
    }

    @GET
    @Path("/{id}/count")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "How many contacts the segment selects now, and its version")
    @APIResponse(responseCode = "404", description = "No such segment")
    public Uni<SegmentCount> count(@PathParam("id") UUID id) {
        return service.count(id);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Preview a filter before saving it", description = "How many contacts it selects now and the first "
            + "few by name (rapport.segments.preview-size).")
    @APIResponse(responseCode = "400", description = "Invalid filter; the problem names the field")
    public Uni<SegmentCount> preview(@Valid @jakarta.validation.constraints.NotNull SegmentFilter filter) {
        return service.preview(filter, caller.name());
    }
}
