package dev.rapport.gateway.importing;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.common.Enums;
import dev.rapport.gateway.contact.ImportJob;
import dev.rapport.gateway.contact.ImportMode;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Contact imports from a CSV given inline (contacts-service); large files go to POST /imports directly. */
@GraphQLApi
public class ImportGraphQLApi {
    static final int MAX_CSV_BYTES = 1_000_000;

    @Inject
    ContactsClient contacts;

    @Mutation
    @Description("Import contacts from a small CSV (up to 1 MB; docs/import.md for the columns). The job runs in the "
            + "background: follow it with importJob/importErrors. The same idempotencyKey (with the same file and mode) returns "
            + "the same job. Larger files: contacts-service's streamed POST /imports.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, INTEGRATION})
    public Uni<ImportJob> importContacts(@NonNull String csv, @NonNull @Description("Kept as the provenance source") String fileName,
            @NonNull String idempotencyKey, @DefaultValue("CREATE") ImportMode mode) throws InvalidInputError {
        if (csv.getBytes(StandardCharsets.UTF_8).length > MAX_CSV_BYTES) {
            throw new InvalidInputError("csv is larger than 1 MB", null, null,
                    List.of(new GatewayError.FieldError("csv", "must be at most 1 MB; send larger files to POST /imports")));
        }
        return contacts.importCsv(idempotencyKey, fileName, Enums.name(mode), csv)
                .onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE));
    }
}
