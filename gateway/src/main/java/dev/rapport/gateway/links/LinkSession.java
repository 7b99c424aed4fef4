package dev.rapport.gateway.links;

import java.time.Instant;

import dev.rapport.security.links.LinkAction;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A short-lived session opened from a signed link in a message: send accessToken as "
        + "`Authorization: Bearer …` to /graphql, exactly as a logged-in token. It acts as the contact the link was sent "
        + "to (role contact) and only for what the link's action needs.")
public record LinkSession(
        @NonNull @Description("An RS256 JWT (issuer rapport-links, audience rapport), valid until expiresAt") String accessToken,
        @NonNull @Description("Always Bearer") String tokenType,
        @NonNull Instant expiresAt,
        @Description("Seconds until expiresAt") int expiresIn,
        @NonNull @Description("What the link lets its holder do") LinkAction action,
        @Id @Description("The record the action is about: invitation (CONSULTATION), loop follow-up (FOLLOW_UP), case "
                + "(CASE, RATING), offer (RENEWAL_OFFER); null for PREFERENCES") String ref,
        @NonNull @Id String contactId,
        @Description("The consent purpose of the message that carried the link, when it had one") String purpose) {
}
