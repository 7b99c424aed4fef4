package dev.rapport.gateway.links;

import dev.rapport.gateway.error.InvalidLinkError;
import dev.rapport.security.links.LinkAction;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Signed links from messages, exchanged for link sessions: the one operation a caller without a token may run. */
@GraphQLApi
public class LinkSessionGraphQLApi {
    @Inject
    LinkSessions sessions;

    @Mutation("openLinkSession")
    @PermitAll
    @Description("Exchange the token of a link from a message (the part after # in /link#…) for a session of 15 minutes "
            + "that acts as the person the link was sent to, for what the link is about only: PREFERENCES the preference "
            + "centre; CONSULTATION that invitation's consultation and response; FOLLOW_UP that follow-up, its answer and "
            + "its thread; CASE that case's confirmation or reopening; RATING stars for that case. Needs no login. A link "
            + "that is altered, expired or not made by this deployment is invalid-link; an unsubscribe link is used at its "
            + "own address, not here.")
    public LinkSession openLinkSession(@NonNull String token) throws InvalidLinkError {
        LinkSession session = sessions.open(token).orElseThrow(() -> new InvalidLinkError(
                "This link is not valid: it has expired, was altered, or was not made by this Rapport. Ask for a new one."));
        if (session.action() == LinkAction.UNSUBSCRIBE) {
            throw new InvalidLinkError("An unsubscribe link works at its own address (one click, no session); it opens no "
                    + "session here");
        }
        return session;
    }
}
