package dev.rapport.contacts.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * The webhook events contacts-service sends and their {@code data} (docs/webhooks.md). They carry ids, and the names of
 * what changed, never the values of personal fields: a partner that needs a value reads it through the API, where
 * its own role is checked.
 */
public final class ContactEvents {
    public static final String CREATED = "contact.created";
    public static final String UPDATED = "contact.updated";
    public static final String MERGED = "contact.merged";
    public static final String ERASED = "contact.erased";
    public static final String IMPORT_COMPLETED = "import.completed";
    public static final List<String> ALL = List.of(CREATED, UPDATED, MERGED, ERASED, IMPORT_COMPLETED);

    private ContactEvents() {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(UUID contactId, String lifecycleStage, UUID organisationId) {
    }

    /**
     * {@code changed}: the contact's fields that changed (givenName, tags, …, or contactPoints); for a contact point,
     * which one, how ({@code ADDED}, {@code UPDATED}, {@code REMOVED}) and its channel.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Updated(UUID contactId, List<String> changed, UUID contactPointId, String contactPointChange, String channel) {

        public static Updated fields(UUID contactId, List<String> changed) {
            return new Updated(contactId, changed, null, null, null);
        }

        public static Updated point(UUID contactId, UUID pointId, String change, String channel) {
            return new Updated(contactId, List.of("contactPoints"), pointId, change, channel);
        }
    }

    /** {@code contactId} survives; {@code mergedContactId} now resolves to it. */
    @RegisterForReflection
    public record Merged(UUID contactId, UUID mergedContactId) {
    }

    @RegisterForReflection
    public record Erased(UUID contactId, List<UUID> mergedContactIds) {
    }

    @RegisterForReflection
    public record ImportCompleted(UUID importId, String mode, long totalRows, long importedRows, long createdRows,
            long matchedRows, long updatedRows, long failedRows) {
    }
}
