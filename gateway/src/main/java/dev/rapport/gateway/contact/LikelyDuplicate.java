package dev.rapport.gateway.contact;

import java.util.List;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.PageInfo;
import org.eclipse.microprofile.graphql.Description;

@Description("Contacts that hold the same normalised e-mail address or phone number: likely one person, to merge "
        + "(mergeContacts).")
public record LikelyDuplicate(
        @Description("What they share: an e-mail address, or a number held on any phone channel (PHONE, SMS, WHATSAPP)")
        LikelyDuplicateKind kind,
        @Description("The normalised address they share (lower-case e-mail, E.164 number)") String address,
        @Description("Two or more contacts, oldest first (the usual survivor)") List<Contact> contacts) {

    public enum LikelyDuplicateKind {
        EMAIL, PHONE
    }

    public record LikelyDuplicateConnection(List<LikelyDuplicate> nodes, List<LikelyDuplicateEdge> edges,
            PageInfo pageInfo, @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record LikelyDuplicateEdge(String cursor, LikelyDuplicate node) {
    }
}
