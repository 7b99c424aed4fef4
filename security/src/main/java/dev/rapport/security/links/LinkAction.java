package dev.rapport.security.links;

/**
 * What a link in a message lets its holder do, and nothing more. Each action names the one record it is about
 * ({@link LinkClaims#ref()}), except {@link #PREFERENCES}, which is about the person as a whole.
 */
public enum LinkAction {
    /** Open the preference centre of the person the link was sent to. */
    PREFERENCES,
    /** Answer one consultation invitation; ref = the invitation id. */
    CONSULTATION,
    /** Answer one "does this work for you?" question (and read or add to its thread); ref = the loop follow-up id. */
    FOLLOW_UP,
    /** Say whether one case was solved; ref = the case id. */
    CASE,
    /** Give stars to one case; ref = the case id. */
    RATING,
    /** Withdraw consent for the purpose of one delivered message (RFC 8058 one-click); ref = the outreach id. */
    UNSUBSCRIBE,
    /** Read one renewal offer; ref = the offer id. */
    RENEWAL_OFFER
}
