package dev.rapport.gateway.links;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.error.InvalidLinkError;
import dev.rapport.security.links.LinkAction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Signed links from messages, exchanged for link sessions: the one operation a caller without a token may run. */
@GraphQLApi
public class LinkSessionGraphQLApi {
    @Inject
    LinkSessions sessions;
    @Inject
    ConsentClient consent;
    /** How many sessions one link may open (a person on two devices, a reload in a new tab; not a forwarded link for ever). */
    @ConfigProperty(name = "rapport.links.max-opens", defaultValue = "5")
    int maxOpens;

    @Mutation("openLinkSession")
    @PermitAll
    @Description("Exchange the token of a link from a message (the part after # in /link#…) for a session of 15 minutes "
            + "that acts as the person the link was sent to, for what the link is about only: PREFERENCES the preference "
            + "centre; CONSULTATION that invitation's consultation and response; FOLLOW_UP that follow-up, its answer and "
            + "its thread; CASE that case's confirmation or reopening; RATING stars for that case; RENEWAL_OFFER that offer. Needs no login. A link opens at most rapport.links.max-opens (5) sessions; beyond that it is invalid-link. A link "
            + "that is altered, expired or not made by this deployment is invalid-link; an unsubscribe link is used at its "
            + "own address, not here.")
    public Uni<LinkSession> openLinkSession(@NonNull String token) {
        LinkSession session = sessions.open(token).orElse(null);
        if (session == null) {
            return Uni.createFrom().failure(new InvalidLinkError(
                    "This link is not valid: it has expired, was altered, or was not made by this Rapport. Ask for a new one."));
        }
        if (session.action() == LinkAction.UNSUBSCRIBE) {
            return Uni.createFrom().failure(new InvalidLinkError("An unsubscribe link works at its own address (one click, "
                    + "no session); it opens no session here"));
        }
        // the gateway has no database: consent-service counts the link's openings, called with the new session itself
        return consent.countLinkOpen("Bearer " + session.accessToken())
                .onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE))
                .chain(counted -> counted.opens() > maxOpens
                        ? Uni.createFrom().failure(new InvalidLinkError("This link has already been opened " + maxOpens
                                + " times, as many as a link may be. Use the link in a newer message, or log in."))
                        : Uni.createFrom().item(session));
    }
}
