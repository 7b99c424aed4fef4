package dev.rapport.contacts.importing;

import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private static final Pattern DISPOSITION_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final String CSV_EXAMPLE = """
            given_name,family_name,display_name,owner,lifecycle_stage,tags,email,email_context,phone,phone_region,phone_context
            Ada,Lovelace,,alice,customer,vip;engineering,ada@example.com,WORK,020 7946 0018,GB,PERSONAL
            Grace,Hopper,"Hopper, Grace (""Amazing Grace"")",bob,lead,,grace@example.org,,+1 202 555 0143,,
            """;

    @Inject
    ImportService service;
    @Inject
    Caller caller;

    /** Blocking on purpose: the body is streamed to disk as it arrives (files of 100+ MB), never held in memory. */
    @POST
    @Blocking
    @Consumes({"text/csv", "application/csv"})
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Import contacts from a CSV file",
            description = "UTF-8, RFC 4180, header row with named columns (docs/import.md): given_name, family_name, "
                    + "display_name, organisation_domain, owner, lifecycle_stage, tags (';'-separated), email, email_context, "
                    + "email_2, email_2_context, phone, phone_context, phone_2, phone_2_context, phone_region, language (BCP 47: "
                    + "en, fr, ar, fr-CA …), external_id (the person's id in the system the file comes from). The job runs in "
                    + "the background; each row is imported whole or reported with its line and field. Contact points get "
                    + "provenance IMPORTED with the file name as source. Re-sending the same file with the same "
                    + "Idempotency-Key (and mode) returns the same job and resumes it if it was interrupted.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "two contacts", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key or file name, unknown mode, empty file, bad UTF-8 (names the line), "
            + "unknown or repeated column (names it), unterminated quote (names the line)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different file or mode")
    public Response submit(InputStream body,
            @Parameter(in = ParameterIn.HEADER, required = true, description = "Names the job; re-use it to retry safely",
                    example = "crm-migration-2026-11-23") @HeaderParam(Idempotency.HEADER) String key,
            @Parameter(description = "The file's name, kept as the provenance source; or send Content-Disposition",
                    example = "trade-fair-2026.csv") @QueryParam("fileName") String fileName,
            @Parameter(hidden = true) @HeaderParam("Content-Disposition") String disposition,
            @Parameter(description = "CREATE (default): every row becomes a new contact. UPSERT: a row whose e-mail address "
                    + "or external_id belongs to one contact fills that contact (empty fields, tags, new contact points) "
                    + "and changes nothing it has; two contacts matching is a row error naming both",
                    example = "UPSERT") @QueryParam("mode") String mode) {
        String name = fileName != null ? fileName : fromDisposition(disposition);
        ImportJobView job = service.submit(key, name, ImportMode.parse(mode), body, caller.name());
        return Response.accepted(job).location(URI.create("/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Progress of an import", description = "processed counts rows committed, imported or failed, of total.")
    @APIResponse(responseCode = "404", description = "No such import")
    public Uni<ImportJobView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Rows that were not imported, by line then field", description = "Cursor-paged: pass `next` as cursor.")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such import")
    public Uni<Page<ImportErrorView>> errors(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 100, at most 1000") @QueryParam("limit") Integer limit) {
        return service.errors(id, cursor, limit);
    }

    @GET
    @Path("/{id}/rows")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "What became of each row, by line",
            description = "CREATED, MATCHED, UPDATED (with what it filled) or ERROR, and the contact; cursor-paged: pass `next` as cursor.")
    @APIResponse(responseCode = "400", description = "Bad outcome, cursor or limit")
    @APIResponse(responseCode = "404", description = "No such import")
    public Uni<Page<RowOutcomeView>> rows(@PathParam("id") UUID id,
            @Parameter(description = "Only rows with this outcome") @QueryParam("outcome") String outcome,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, default 100, at most 1000") @QueryParam("limit") Integer limit) {
        return service.outcomes(id, outcome(outcome), cursor, limit);
    }

    private static ImportOutcome outcome(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ImportOutcome.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("outcome", "must be one of " + Arrays.toString(ImportOutcome.values()));
        }
    }

    static String fromDisposition(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = DISPOSITION_NAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
