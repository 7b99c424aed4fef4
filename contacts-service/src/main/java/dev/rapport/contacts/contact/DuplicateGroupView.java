package dev.rapport.contacts.contact;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Contacts that hold the same normalised e-mail address or phone number: likely one person")
public record DuplicateGroupView(
        @Schema(description = "EMAIL, or PHONE for a number held on any phone channel (PHONE, SMS, WHATSAPP)", example = "EMAIL")
        String kind,
        @Schema(description = "The normalised address they share (lower-case e-mail, E.164 number)", example = "maya.ng@example.org")
        String address,
        @Schema(description = "Two or more contacts, oldest first (the usual survivor of a merge); without contact points")
        List<ContactView> contacts) {
}
