package dev.rapport.security.links;

import java.time.Instant;
import java.util.UUID;

/**
 * What a signed link carries: one person, one action on one record, an expiry, and a unique id.
 *
 * @param contactId the person the link was sent to
 * @param action    the one thing it lets its holder do
 * @param ref       the record the action is about (see {@link LinkAction}); null for {@link LinkAction#PREFERENCES}
 * @param purpose   the consent purpose of the message that carried the link (what an unsubscribe withdraws); may be null
 * @param expiresAt after this instant the link is refused
 * @param id        unique per link (a message's links share none)
 */
public record LinkClaims(UUID contactId, LinkAction action, UUID ref, String purpose, Instant expiresAt, UUID id) {
}
