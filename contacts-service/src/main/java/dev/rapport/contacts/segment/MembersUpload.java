package dev.rapport.contacts.segment;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a static list upload did. */
public record MembersUpload(UUID segmentId, int version,
        @Schema(description = "Contacts in the list now") long members,
        @Schema(description = "Ids in the file that name no contact (left out)") long unknown,
        @Schema(description = "Ids given more than once (kept once)") long repeated) {
}
